import { callApi } from '../api.js';
import { h, setText, show } from '../dom.js';
import { Phase } from './life-cycle.js';
import { reportHref } from './review-links.js';

/** The GET /sessions answer as a list, whether it is an array or wrapped in an object. */
function sessionList(answer) {
  if (Array.isArray(answer)) return answer;
  if (answer && Array.isArray(answer.sessions)) return answer.sessions;
  return [];
}

const sessionIdOf = (session) => session.sessionId ?? session.id;

const KIND_WORDS = { CLASS: 'Class', EXAM: 'Exam' };

const PHASE_WORDS = {
  [Phase.SCHEDULED]: (s) => `opens ${new Date(s.opensAt).toLocaleString()}`,
  [Phase.OPEN]: () => 'open',
  [Phase.ENDED]: (s) => `ended ${new Date(s.endedAt).toLocaleString()}`,
};

/** The session chooser: existing sessions, and a form to create one. */
export async function showSessions(ui, open) {
  ui.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = ui.name.value.trim();
    if (!name) {
      setText(ui.error, 'Please give the session a name.');
      ui.name.focus();
      return;
    }
    const kind = ui.form.querySelector('input[name="kind"]:checked').value;
    const requireStudentLogin = !ui.studentLogin.disabled && ui.studentLogin.checked;
    // datetime-local is the teacher's local time; the server takes an instant with an offset.
    const opensAt = ui.opensAt.value ? new Date(ui.opensAt.value).toISOString() : undefined;
    // "" is the deployment's default: then nothing is sent and the server applies its own.
    const retentionHours = ui.retention.value ? Number(ui.retention.value) : undefined;
    ui.submit.disabled = true;
    setText(ui.error, '');
    try {
      const body = { name, kind, requireStudentLogin, opensAt, retentionHours };
      const created = await callApi('POST', 'sessions', body);
      open(sessionIdOf(created));
    } catch (failure) {
      setText(ui.error, `Could not create the session: ${failure.message}`);
    } finally {
      ui.submit.disabled = false;
    }
  });

  // Students can sign in only where teachers do: at the institution's provider. The field is there
  // from the start, so that nothing below it moves when the answer comes.
  callApi('GET', 'sign-in')
    .then((signIn) => {
      ui.studentLogin.disabled = signIn?.mode !== 'OPENID_CONNECT';
    })
    .catch(() => {});

  setText(ui.listStatus, 'Loading sessions…');
  try {
    const newestFirst = (a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0);
    const sessions = sessionList(await callApi('GET', 'sessions')).sort(newestFirst);
    const item = (session) => {
      const id = sessionIdOf(session);
      const link = h(
        'a',
        { href: `?session=${encodeURIComponent(id)}`, class: 'session-link', dataset: { sessionId: id } },
        session.name || id,
      );
      const facts = [KIND_WORDS[session.kind] || session.kind, id].filter(Boolean);
      if (typeof session.createdAt === 'number') {
        facts.push(`created ${new Date(session.createdAt).toLocaleString()}`);
      }
      if (typeof session.studentCount === 'number') facts.push(`${session.studentCount} students`);
      const phase = PHASE_WORDS[session.phase]?.(session);
      // Every session has a report: what was recorded so far, or, once ended, all of it.
      const report = h(
        'a',
        {
          href: reportHref(id),
          class: 'session-report-link',
          dataset: { reportFor: id },
          'aria-label': `Report: ${session.name || id}`,
        },
        'Report',
      );
      return h(
        'li',
        {},
        link,
        phase ? h('span', { class: 'session-phase', text: ` ${phase}` }) : '',
        h('span', { class: 'hint', text: ` ${facts.join(' · ')}` }),
        ' ',
        report,
      );
    };
    const known = sessions.filter(sessionIdOf);
    const past = known.filter((s) => s.phase === Phase.ENDED);
    ui.list.replaceChildren(...known.filter((s) => s.phase !== Phase.ENDED).map(item));
    ui.pastList.replaceChildren(...past.map(item));
    show(ui.pastTitle, past.length > 0);
    setText(ui.listStatus, known.length ? '' : 'No sessions yet. Create one below.');
  } catch (failure) {
    setText(ui.listStatus, `Could not load the sessions: ${failure.message}`);
  }
  show(ui.view);
}
