import { callApi } from '../api.js';
import { pageParam } from '../app.js';
import { byId, h, isImageDataUrl, setText, show } from '../dom.js';
import { initI18n, onLanguageChange, setTranslated, setUntranslated, t, wireLanguageSwitch } from '../i18n.js';
import { IDENTIFIER, alertTypeLabel } from '../protocol.js';
import { showSignIn } from '../sign-in-banner.js';
import { CONFUSION_SERIES, ENGAGEMENT_SERIES, createShareChart } from './charts.js';
import { noteItem, wireNoteForm } from './notes.js';
import { datasetOf, fillTable, showLoadFailure, timeElement, timeRange } from './review-dom.js';
import {
  affectColumns,
  alertDetails,
  alertName,
  byTime,
  count,
  decisionState,
  describeAffect,
  describeDecision,
  describeRepeats,
  duration,
  fullTime,
  hasAffect,
  isTime,
  list,
  number,
  percent,
  statusRuns,
  statusWords,
  studentName,
  timeOf,
} from './review-format.js';
import { reportHref } from './review-links.js';

/**
 * One student's timeline, teacher/student.html?session=ID&student=STUDENT_ID: their shares of
 * time, confusion and engagement over time, their statuses as runs, their alerts with pictures and
 * decisions, and the teachers' notes, with a form to add one. Read once from
 * GET /sessions/{id}/students/{studentId}/timeline; a new note is added to the page as saved. Its
 * texts are in the page's language (js/i18n.js: the markup's data-i18n, keys review.*): a change of
 * language draws the timeline again from what was read, with the notes saved since.
 */

/** A status table longer than this shows its start, and a button for the rest. */
const STATUS_ROWS_SHOWN = 200;

wireLanguageSwitch(document.getElementById('language-switch'));
initI18n(['review']);

const sessionId = pageParam('session');
const studentId = pageParam('student');
const ui = {
  pageTitle: document.querySelector('title'),
  error: byId('timeline-error'),
  loading: byId('timeline-loading'),
  reportLink: byId('timeline-report-link'),
  view: byId('timeline-view'),
  name: byId('timeline-student-name'),
  facts: byId('timeline-student-facts'),
  shares: byId('timeline-shares'),
  affectOff: byId('timeline-affect-off'),
  figure: byId('timeline-figure'),
  chart: byId('timeline-chart'),
  chartDescription: byId('timeline-chart-description'),
  statusEmpty: byId('timeline-status-empty'),
  status: byId('timeline-status'),
  statusMore: byId('timeline-status-more'),
  alertCount: byId('timeline-alert-count'),
  alertsEmpty: byId('timeline-alerts-empty'),
  alerts: byId('timeline-alerts'),
  notesEmpty: byId('timeline-notes-empty'),
  notes: byId('timeline-notes'),
  noteTarget: byId('note-target'),
  noteText: byId('note-text'),
};

/** What a saved note is added to: each alert's list of notes, by alert id. */
const alertNoteLists = new Map();
let student = {};
let notesCount = 0;
let affect = false;
let reference;
/** The timeline read, and the notes saved on this page since: drawn again on a change of language. */
let shown = null;
const savedNotes = [];
/** The status runs, and whether the teacher asked for all of them. */
let runs = [];
let allRunsShown = false;
/** The alerts (by id) whose picture the teacher enlarged. */
const enlarged = new Set();
let chart = null;

async function load() {
  let timeline;
  try {
    timeline = await callApi(
      'GET',
      `sessions/${encodeURIComponent(sessionId)}/students/${encodeURIComponent(studentId)}/timeline`,
    );
  } catch (failure) {
    setUntranslated(ui.loading, '');
    showLoadFailure(ui.error, failure, (element) =>
      setTranslated(
        element,
        'review.timeline.notFound',
        'This student or session does not exist, or their data was deleted.',
      ),
    );
    return;
  }
  setUntranslated(ui.loading, '');
  if (!timeline || typeof timeline !== 'object') {
    setTranslated(ui.error, 'review.timeline.empty', 'The server sent an empty timeline.');
    return;
  }
  shown = timeline;
  render(timeline);
}

function render(timeline) {
  student = timeline.student && typeof timeline.student === 'object' ? timeline.student : { studentId };
  const history = byTime(timeline.history, 'timestamp').filter((p) => isTime(p.timestamp));
  const alerts = byTime(timeline.alerts, 'timestamp');
  const read = list(timeline.notes);
  const notes = byTime([...read, ...savedNotes], 'at');
  reference = isTime(student.firstSeenAt) ? student.firstSeenAt : history[0]?.timestamp;
  affect = hasAffect({ students: [student], history });
  notesCount = Math.max(count(student.notes), read.length) + savedNotes.length;

  const name = studentName(student, studentId);
  setText(ui.name, name);
  setTranslated(ui.pageTitle, 'review.timeline.pageTitleOf', '{name} · Timeline · SmartSession', { name });
  const id = typeof student.studentId === 'string' ? student.studentId : studentId;
  const facts = [t('review.timeline.id', { id }, 'ID {id}')];
  if (isTime(student.firstSeenAt)) {
    facts.push(t('review.timeline.firstSeen', { time: fullTime(student.firstSeenAt) }, 'first seen {time}'));
  }
  if (isTime(student.lastSeenAt)) {
    facts.push(
      t('review.timeline.lastSeen', { time: timeOf(student.lastSeenAt, student.firstSeenAt) }, 'last seen {time}'),
    );
  }
  setText(ui.facts, facts.join(' · '));

  show(ui.view); // before the chart, which takes its container's width
  renderShares();
  renderChart(history);
  renderStatus(history);
  renderAlerts(alerts, notes);
  renderNotes(notes);
  fillTargets(alerts);
}

function renderShares() {
  const shares = student.shares && typeof student.shares === 'object' ? student.shares : {};
  const alerts = count(student.alerts);
  const open = count(student.openAlerts);
  const items = [
    [t('review.column.observed', {}, 'Observed'), duration(shares.observedMs)],
    [t('review.column.present', {}, 'Present'), percent(shares.present)],
    affect && [t('review.column.engaged', {}, 'Engaged'), percent(shares.engaged)],
    affect && [t('review.column.confused', {}, 'Confused'), percent(shares.confused)],
    [t('review.column.away', {}, 'Away'), percent(shares.away)],
    affect && [t('review.column.meanConfusion', {}, 'Mean confusion'), percent(student.meanConfusion)],
    affect && [t('review.column.meanEngagement', {}, 'Mean engagement'), percent(student.meanEngagement)],
    [
      t('review.column.alerts', {}, 'Alerts'),
      open ? t('review.alertsWithOpen', { alerts, open }, '{alerts} ({open} open)') : number(alerts),
    ],
    [t('review.column.notes', {}, 'Notes'), number(notesCount)],
  ].filter(Boolean);
  ui.shares.replaceChildren(...items.map(([term, value]) => h('div', {}, h('dt', { text: term }), h('dd', { text: value }))));
}

function renderChart(history) {
  show(ui.affectOff, !affect && history.length > 0);
  show(ui.figure, affect);
  if (chart) chart.destroy();
  chart = null;
  ui.chart.replaceChildren();
  if (!affect) return;
  setText(ui.chartDescription, describeAffect(student, history, reference));
  try {
    chart = createShareChart(ui.chart, [CONFUSION_SERIES, ENGAGEMENT_SERIES], affectColumns(history), 220);
  } catch {
    // The description and the status table remain; a chart that cannot be drawn is only missing.
    ui.chart.replaceChildren();
  }
}

function renderStatus(history) {
  runs = statusRuns(history);
  show(ui.statusEmpty, runs.length === 0);
  show(ui.status.closest('.table-scroll'), runs.length > 0);
  fillStatus();
}

/** The status table: its first rows, or all of them once the teacher asked. */
function fillStatus() {
  const columns = [
    { header: t('review.column.fromTo', {}, 'From – to'), rowHeader: true, cell: (run) => timeRange(run.from, run.to, reference) },
    { header: t('review.column.status', {}, 'Status'), cell: (run) => statusWords(run.status) },
    { header: t('review.column.for', {}, 'For'), numeric: true, cell: (run) => duration(run.to - run.from) },
  ];
  const rowProps = (run) => ({ dataset: { status: run.status === null ? 'NO_RECORD' : run.status } });
  const shownRuns = allRunsShown ? runs : runs.slice(0, STATUS_ROWS_SHOWN);
  fillTable(ui.status, columns, shownRuns, rowProps);
  const rest = runs.length - shownRuns.length;
  show(ui.statusMore, rest > 0);
  setText(
    ui.statusMore,
    rest > 0 ? t('review.timeline.showAll', { total: runs.length, rest }, 'Show all {total} stretches ({rest} more)') : '',
  );
}

function renderAlerts(alerts, notes) {
  alertNoteLists.clear();
  const open = alerts.filter((a) => decisionState(a.acknowledgement) === 'open').length;
  setText(
    ui.alertCount,
    alerts.length ? t('review.notReviewedOf', { open, total: alerts.length }, '{open} not reviewed of {total}') : '',
  );
  show(ui.alertsEmpty, alerts.length === 0);
  ui.alerts.replaceChildren(...alerts.map((alert) => alertItem(alert, notes)));
}

function alertItem(alert, notes) {
  const state = decisionState(alert.acknowledgement);
  const type = alertTypeLabel(alert.alertType);
  const details = alertDetails(alert);
  const repeats = describeRepeats(alert, reference);
  const screenshot = isImageDataUrl(alert.screenshot)
    ? h(
        'button',
        {
          type: 'button',
          class: 'screenshot-toggle',
          'aria-pressed': String(enlarged.has(alert.alertId)),
          title: t('review.timeline.enlarge', {}, 'Enlarge or shrink the picture'),
        },
        h('img', {
          src: alert.screenshot,
          alt: t(
            'review.timeline.screenshotAlt',
            { type, time: timeOf(alert.timestamp, reference) },
            'Camera picture of the alert {type} at {time}',
          ),
        }),
      )
    : null;
  const ownNotes = notes.filter((n) => typeof alert.alertId === 'string' && n.alertId === alert.alertId);
  const noteList = h('ul', { class: 'note-list alert-notes' }, ownNotes.map((n) => noteItem(n, reference)));
  show(noteList, ownNotes.length > 0);
  if (typeof alert.alertId === 'string') alertNoteLists.set(alert.alertId, noteList);
  const addNote =
    typeof alert.alertId === 'string'
      ? h(
          'button',
          { type: 'button', class: 'link-button add-note no-print', dataset: { alertId: alert.alertId } },
          t('review.timeline.addNoteOnAlert', {}, 'Add a note on this alert'),
        )
      : null;
  return h(
    'li',
    { class: 'alert-item', dataset: datasetOf({ alertId: alert.alertId, alertType: alert.alertType, state }) },
    h('div', { class: 'alert-head' }, h('h3', { text: type }), h('span', { class: 'alert-time' }, timeElement(alert.timestamp, reference))),
    details ? h('p', { class: 'alert-details', text: details }) : null,
    repeats ? h('p', { class: 'alert-repeats', text: repeats }) : null,
    screenshot,
    h('p', { class: `decision decision-${state}`, text: describeDecision(alert.acknowledgement, reference) }),
    noteList,
    addNote,
  );
}

/** Notes on the student, and on alerts this page does not list (an alert may have been deleted). */
function renderNotes(notes) {
  const own = notes.filter((n) => typeof n.alertId !== 'string' || !alertNoteLists.has(n.alertId));
  show(ui.notesEmpty, own.length === 0);
  ui.notes.replaceChildren(...own.map((n) => noteItem(n, reference, aboutOf(n))));
}

/** What a note on the student's list is about, when it is on an alert this page does not list. */
function aboutOf(note) {
  return typeof note.alertId === 'string' ? t('review.timeline.noteOnAnAlert', {}, 'about an alert') : null;
}

/** The note form's choices: the student, or one of their alerts; the teacher's choice is kept. */
function fillTargets(alerts) {
  const chosen = ui.noteTarget.value;
  const own = new Option('', '');
  setTranslated(own, 'review.note.thisStudent', 'This student');
  ui.noteTarget.replaceChildren(
    own,
    ...alerts
      .filter((a) => typeof a.alertId === 'string')
      .map((a) => new Option(t('review.note.alertOption', { alert: alertName(a, reference) }, 'Alert: {alert}'), a.alertId)),
  );
  if ([...ui.noteTarget.options].some((option) => option.value === chosen)) ui.noteTarget.value = chosen;
}

/** A note just saved: shown where it belongs, and counted. */
function noteSaved(note) {
  savedNotes.push(note);
  const alertList = typeof note.alertId === 'string' ? alertNoteLists.get(note.alertId) : null;
  if (alertList) {
    alertList.append(noteItem(note, reference));
    show(alertList);
  } else {
    ui.notes.append(noteItem(note, reference, aboutOf(note)));
    show(ui.notesEmpty, false);
  }
  notesCount += 1;
  renderShares();
  ui.noteTarget.value = '';
}

function wireAlertList() {
  ui.alerts.addEventListener('click', (event) => {
    const toggle = event.target.closest('.screenshot-toggle');
    if (toggle) {
      const larger = toggle.getAttribute('aria-pressed') !== 'true';
      toggle.setAttribute('aria-pressed', String(larger));
      const alertId = toggle.closest('.alert-item')?.dataset.alertId;
      if (alertId && larger) enlarged.add(alertId);
      else if (alertId) enlarged.delete(alertId);
      return;
    }
    const addNote = event.target.closest('.add-note');
    if (addNote) {
      ui.noteTarget.value = addNote.dataset.alertId;
      ui.noteText.focus();
    }
  });
}

if (sessionId && IDENTIFIER.test(sessionId) && studentId && IDENTIFIER.test(studentId)) {
  ui.reportLink.href = reportHref(sessionId);
  wireAlertList();
  ui.statusMore.addEventListener('click', () => {
    allRunsShown = true;
    fillStatus();
  });
  // What the markup and setTranslated marked follows by itself; the timeline's built parts, drawn again.
  onLanguageChange(() => {
    if (shown) render(shown);
  });
  wireNoteForm({
    ui: {
      form: byId('note-form'),
      text: ui.noteText,
      target: ui.noteTarget,
      submit: byId('note-submit'),
      error: byId('note-error'),
      status: byId('note-status'),
    },
    sessionId,
    studentId,
    onSaved: noteSaved,
  });
  load();
} else {
  setUntranslated(ui.loading, '');
  if (sessionId && IDENTIFIER.test(sessionId)) ui.reportLink.href = reportHref(sessionId);
  else setTranslated(ui.reportLink, 'review.allSessions', 'All sessions');
  setTranslated(
    ui.error,
    'review.timeline.noStudent',
    'No student was given. Open a timeline from the session report or the dashboard.',
  );
}

showSignIn({ withCaller: true });
