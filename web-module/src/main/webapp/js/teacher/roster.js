import { callApi } from '../api.js';
import { h, show } from '../dom.js';
import { onLanguageChange, setTranslated, setUntranslated, t } from '../i18n.js';
import {
  attentionOrder,
  fullTime,
  hourMinute,
  isStranger,
  isTime,
  nameOf,
  policyLine,
  presenceWords,
  readAttendance,
  rosterText,
  summaryLine,
} from './roster-view.js';
import { pollWhileVisible } from './visible-poll.js';

/** Attendance changes as students come and go; the socket does not carry it, so it is read again. */
const POLL_MS = 5000;

/** "10:42" as a <time>, with the full date and time in its title. */
function timeElement(ms) {
  return h('time', { datetime: new Date(ms).toISOString(), title: fullTime(ms) }, hourMinute(ms));
}

/** A file's text, as UTF-8 (what spreadsheets and LMSs export). */
function readText(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.addEventListener('error', () => reject(reader.error));
    reader.readAsText(file);
  });
}

/**
 * The dashboard's roster card: who the session expects and who of them came (GET
 * /sessions/{id}/roster, read at once and every 5 s while the page is visible), and the form that
 * replaces the roster with a pasted list or a CSV file (PUT). The form sits in a <details>, open
 * while the session has no roster; an ended session hides it (LifeCycle), the table stays. A change
 * of language draws the last answer again.
 */
export class RosterCard {
  #ui;
  #path;
  #toast;
  #attendance = null;
  /** What was last drawn, so that an unchanged answer redraws nothing. */
  #drawn = '';
  /** Whether the session had a roster at the last answer: the form opens and syncs only when it changes. */
  #hadRoster = null;
  #requested = 0;
  #applied = 0;
  #polling = false;

  constructor({ ui, sessionId, toast }) {
    this.#ui = ui;
    this.#path = `sessions/${encodeURIComponent(sessionId)}/roster`;
    this.#toast = toast;
    ui.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#save();
    });
    ui.file.addEventListener('change', () => this.#readFile());
    ui.text.addEventListener('input', () => this.#clearError());
    ui.fill.addEventListener('click', () => {
      if (!this.#attendance) return;
      ui.text.value = rosterText(this.#attendance);
      this.#clearError();
      ui.text.focus();
    });
    onLanguageChange(() => {
      if (this.#attendance) this.#draw(this.#attendance);
    });
  }

  /** Reads the roster now and then every 5 s while the page is visible. */
  start() {
    pollWhileVisible(() => this.#poll(), POLL_MS);
  }

  /** Reads the roster at once, whatever is under way (after a save, say). */
  async refresh() {
    const ticket = ++this.#requested;
    try {
      this.#apply(ticket, await callApi('GET', this.#path));
    } catch (failure) {
      // Once the table shows something, a missed reading leaves it as it was until the next one.
      if (!this.#attendance) {
        setTranslated(this.#ui.summary, 'dashboard.roster.loadFailed', 'Could not load the roster: {message}', {
          message: failure.message,
        });
      }
    }
  }

  async #poll() {
    // A slow server is not asked again while it has not answered.
    if (this.#polling) return;
    this.#polling = true;
    try {
      await this.refresh();
    } finally {
      this.#polling = false;
    }
  }

  /** Takes an answer unless a later request's answer was taken already. */
  #apply(ticket, answer) {
    if (ticket < this.#applied) return;
    this.#applied = ticket;
    const attendance = readAttendance(answer);
    this.#attendance = attendance;
    const ui = this.#ui;
    if (attendance.hasRoster !== this.#hadRoster) {
      this.#hadRoster = attendance.hasRoster;
      ui.details.open = !attendance.hasRoster;
      if (attendance.hasRoster) ui.othersAllowed.checked = attendance.othersAllowed;
    }
    show(ui.fill, attendance.hasRoster);
    const drawn = JSON.stringify(attendance);
    if (drawn === this.#drawn) return;
    this.#drawn = drawn;
    this.#draw(attendance);
  }

  #draw(attendance) {
    const ui = this.#ui;
    setUntranslated(ui.summary, summaryLine(attendance));
    const policy = policyLine(attendance);
    setUntranslated(ui.policy, policy);
    show(ui.policy, policy !== '');
    this.#renderRows(attendance);
  }

  #renderRows(attendance) {
    const rows = attentionOrder(attendance).map((student) =>
      h(
        'tr',
        {
          dataset: {
            studentId: student.studentId,
            presence: student.presence || 'NOT_JOINED',
            late: String(student.late === true),
            onRoster: String(student.onRoster !== false),
          },
        },
        h('th', { scope: 'row', text: nameOf(student) }),
        h('td', { text: student.studentId }),
        h('td', {}, h('span', { class: 'presence-chip', text: presenceWords(student) })),
        h(
          'td',
          {},
          isTime(student.joinedAt) ? timeElement(student.joinedAt) : '—',
          student.late === true
            ? [' ', h('span', { class: 'roster-badge late', text: t('dashboard.roster.late', {}, 'late') })]
            : null,
        ),
        h(
          'td',
          {},
          isStranger(attendance, student)
            ? h('span', {
                class: 'roster-badge stranger',
                text: t('dashboard.roster.notOnRoster', {}, 'not on the roster'),
              })
            : '',
        ),
      ),
    );
    this.#ui.rows.replaceChildren(...rows);
    show(this.#ui.table, rows.length > 0);
    show(this.#ui.empty, rows.length === 0);
  }

  /** The chosen file's text goes into the text box, where the teacher can check it before saving. */
  async #readFile() {
    const file = this.#ui.file.files?.[0];
    if (!file) return;
    this.#clearError();
    try {
      this.#ui.text.value = await readText(file);
    } catch {
      this.#fail(
        'dashboard.roster.readFailed',
        'Could not read {file}. Choose a text or CSV file, or paste the list.',
        { file: file.name },
      );
    }
  }

  async #save() {
    const ui = this.#ui;
    const students = ui.text.value;
    this.#clearError();
    if (!students.trim()) {
      this.#fail('dashboard.roster.emptyList', 'Please list the students first, or choose a file.');
      return;
    }
    ui.submit.disabled = true;
    const ticket = ++this.#requested;
    try {
      const answer = await callApi('PUT', this.#path, { students, othersAllowed: ui.othersAllowed.checked });
      ui.text.value = '';
      ui.file.value = '';
      // The form closes on the first roster; a replaced one closes it too.
      this.#hadRoster = null;
      this.#apply(ticket, answer);
      ui.details.open = false;
      const saved = readAttendance(answer).students.filter((s) => s.onRoster !== false).length;
      this.#toast(
        saved === 1
          ? t('dashboard.roster.savedOne', { count: saved }, 'Roster saved: {count} student.')
          : t('dashboard.roster.savedMany', { count: saved }, 'Roster saved: {count} students.'),
      );
    } catch (failure) {
      this.#fail('dashboard.roster.saveFailed', 'Could not save the roster: {message}', { message: failure.message });
      return;
    } finally {
      ui.submit.disabled = false;
    }
    // Who joined while the roster was saved, read at once rather than at the next poll.
    this.refresh();
  }

  /** Says what went wrong (key, its English and params as setTranslated takes them) at the text box. */
  #fail(key, english, params) {
    setTranslated(this.#ui.error, key, english, params);
    this.#ui.text.setAttribute('aria-invalid', 'true');
    this.#ui.text.focus();
  }

  #clearError() {
    setUntranslated(this.#ui.error, '');
    this.#ui.text.removeAttribute('aria-invalid');
  }
}
