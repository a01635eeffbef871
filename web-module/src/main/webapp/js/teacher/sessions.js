import { callApi } from '../api.js';
import { h, show } from '../dom.js';
import { onLanguageChange, setTranslated, setUntranslated, t } from '../i18n.js';
import { Phase } from './life-cycle.js';
import { reportHref } from './review-links.js';
import { dateTimeText } from './summary.js';

/** The GET /sessions answer as a list, whether it is an array or wrapped in an object. */
function sessionList(answer) {
  if (Array.isArray(answer)) return answer;
  if (answer && Array.isArray(answer.sessions)) return answer.sessions;
  return [];
}

const sessionIdOf = (session) => session.sessionId ?? session.id;

/** The words of a session's kind and phase, in the page's language when read. */
const KIND_WORDS = {
  CLASS: () => t('dashboard.kind.CLASS', {}, 'Class'),
  EXAM: () => t('dashboard.kind.EXAM', {}, 'Exam'),
};

const PHASE_WORDS = {
  [Phase.SCHEDULED]: (s) => t('dashboard.sessions.opens', { time: dateTimeText(s.opensAt) }, 'opens {time}'),
  [Phase.OPEN]: () => t('dashboard.sessions.open', {}, 'open'),
  [Phase.ENDED]: (s) => t('dashboard.sessions.ended', { time: dateTimeText(s.endedAt) }, 'ended {time}'),
};

/** The session chooser: existing sessions, and a form to create one. A change of language redraws the lists. */
export async function showSessions(ui, open) {
  ui.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = ui.name.value.trim();
    if (!name) {
      setTranslated(ui.error, 'dashboard.create.noName', 'Please give the session a name.');
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
    setUntranslated(ui.error, '');
    try {
      const body = { name, kind, requireStudentLogin, opensAt, retentionHours };
      const created = await callApi('POST', 'sessions', body);
      open(sessionIdOf(created));
    } catch (failure) {
      setTranslated(ui.error, 'dashboard.create.failed', 'Could not create the session: {message}', {
        message: failure.message,
      });
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

  setTranslated(ui.listStatus, 'dashboard.sessions.loading', 'Loading sessions…');
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
      const kind = Object.hasOwn(KIND_WORDS, session.kind) ? KIND_WORDS[session.kind]() : session.kind;
      const facts = [kind, id].filter(Boolean);
      if (typeof session.createdAt === 'number') {
        facts.push(t('dashboard.sessions.created', { time: dateTimeText(session.createdAt) }, 'created {time}'));
      }
      if (typeof session.studentCount === 'number') {
        facts.push(t('dashboard.sessions.studentCount', { count: session.studentCount }, '{count} students'));
      }
      const phase = PHASE_WORDS[session.phase]?.(session);
      // Every session has a report: what was recorded so far, or, once ended, all of it.
      const report = h(
        'a',
        {
          href: reportHref(id),
          class: 'session-report-link',
          dataset: { reportFor: id },
          'aria-label': t('dashboard.sessions.reportOf', { name: session.name || id }, 'Report: {name}'),
        },
        t('dashboard.report', {}, 'Report'),
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
    const draw = () => {
      ui.list.replaceChildren(...known.filter((s) => s.phase !== Phase.ENDED).map(item));
      ui.pastList.replaceChildren(...past.map(item));
    };
    draw();
    onLanguageChange(draw);
    show(ui.pastTitle, past.length > 0);
    if (known.length) setUntranslated(ui.listStatus, '');
    else setTranslated(ui.listStatus, 'dashboard.sessions.none', 'No sessions yet. Create one below.');
  } catch (failure) {
    setTranslated(ui.listStatus, 'dashboard.sessions.loadFailed', 'Could not load the sessions: {message}', {
      message: failure.message,
    });
  }
  show(ui.view);
}
