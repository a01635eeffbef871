import { callApi } from '../api.js';
import { pageParam } from '../app.js';
import { byId, h, setText, show } from '../dom.js';
import { initI18n, onLanguageChange, setTranslated, setUntranslated, t, wireLanguageSwitch } from '../i18n.js';
import { IDENTIFIER, alertTypeLabel } from '../protocol.js';
import { showSignIn } from '../sign-in-banner.js';
import { noteItem } from './notes.js';
import { createSummaryChart } from './review-chart.js';
import { datasetOf, fillTable, showLoadFailure, timeElement, timeRange } from './review-dom.js';
import {
  alertDetails,
  alertName,
  byTime,
  count,
  decisionState,
  describeDecision,
  describeSession,
  describeSummary,
  duration,
  fullTime,
  hasAffect,
  isTime,
  list,
  number,
  percent,
  studentName,
  wasObserved,
} from './review-format.js';
import { dashboardHref, exportHref, readerZone, timelineHref } from './review-links.js';

/**
 * The report page, teacher/report.html?session=ID: a session afterwards (or so far, while it is
 * open) for its teachers: what happened over time, each student's shares of time, every alert with
 * the decision on it, the teachers' notes, and downloads of it all. One GET /sessions/{id}/report
 * fills it; nothing here is live, "Refresh" reads the report again. Its texts are in the page's
 * language (js/i18n.js: the markup's data-i18n, keys review.*): a change of language draws the
 * report last read again, chart included.
 */

/** The download links and the files they fetch. */
const DOWNLOADS = Object.freeze({
  'download-json': 'report.json',
  'download-pdf': 'report.pdf',
  'download-students-csv': 'students.csv',
  'download-alerts-csv': 'alerts.csv',
  'download-summary-csv': 'summary.csv',
});

wireLanguageSwitch(document.getElementById('language-switch'));
initI18n(['review']);

const sessionId = pageParam('session');
const ui = {
  pageTitle: document.querySelector('title'),
  error: byId('report-error'),
  status: byId('report-status'),
  view: byId('report-view'),
  title: byId('report-title'),
  facts: byId('report-session-facts'),
  generated: byId('report-generated'),
  dashboardLink: byId('report-dashboard-link'),
  refresh: byId('report-refresh'),
  print: byId('report-print'),
  zone: byId('download-zone'),
  summaryEmpty: byId('summary-empty'),
  summaryFigure: byId('summary-figure'),
  summaryChart: byId('summary-chart'),
  summaryDescription: byId('summary-description'),
  summaryDetails: byId('summary-details'),
  summaryTable: byId('report-summary'),
  affectOff: byId('report-affect-off'),
  studentsEmpty: byId('report-students-empty'),
  students: byId('report-students'),
  alertCount: byId('report-alert-count'),
  alertsEmpty: byId('report-alerts-empty'),
  alerts: byId('report-alerts'),
  attendanceEmpty: byId('report-attendance-empty'),
  attendance: byId('report-attendance'),
  notesEmpty: byId('report-notes-empty'),
  notes: byId('report-notes'),
};
let chart = null;
/** The report last read, drawn again on a change of language. */
let shown = null;

/** A student's name as a link to their timeline (plain text without a usable id). */
function studentLink(studentId, name) {
  if (typeof studentId !== 'string' || !studentId) return name;
  return h('a', { href: timelineHref(sessionId, studentId), class: 'student-link' }, name);
}

async function load() {
  ui.refresh.disabled = true;
  if (ui.view.hidden) setTranslated(ui.status, 'review.report.loading', 'Loading the report…');
  else setTranslated(ui.status, 'review.report.refreshing', 'Refreshing the report…');
  let report = null;
  try {
    report = await callApi('GET', `sessions/${encodeURIComponent(sessionId)}/report`);
  } catch (failure) {
    setUntranslated(ui.status, '');
    showLoadFailure(ui.error, failure, (element) =>
      setTranslated(element, 'review.report.notFound', 'This session does not exist, or it was deleted.'),
    );
    return;
  } finally {
    ui.refresh.disabled = false;
  }
  if (!report || typeof report !== 'object') {
    setUntranslated(ui.status, '');
    setTranslated(ui.error, 'review.report.empty', 'The server sent an empty report.');
    return;
  }
  const refreshed = !ui.view.hidden;
  setUntranslated(ui.error, '');
  shown = report;
  render(report);
  if (refreshed) setTranslated(ui.status, 'review.report.refreshed', 'Report refreshed.');
  else setUntranslated(ui.status, '');
}

function render(report) {
  const session = report.session && typeof report.session === 'object' ? report.session : {};
  const summary = list(report.summary);
  const students = list(report.students);
  const alerts = byTime(report.alerts, 'timestamp');
  const notes = byTime(report.notes, 'at');
  // Times on the session's first day are shown without the date.
  const reference = isTime(session.createdAt) ? session.createdAt : summary[0]?.from;
  const name = typeof session.name === 'string' && session.name ? session.name : sessionId;

  setTranslated(ui.title, 'review.report.titleOf', 'Report: {name}', { name });
  setTranslated(ui.pageTitle, 'review.report.pageTitleOf', 'Report: {name} · SmartSession', { name });
  setText(ui.facts, describeSession(session));
  if (!isTime(report.generatedAt)) {
    setUntranslated(ui.generated, '');
  } else if (session.phase === 'OPEN') {
    setTranslated(
      ui.generated,
      'review.report.recordedUntilOpen',
      'As recorded until {time}. The session is still open: refresh to see what happened since.',
      { time: () => fullTime(report.generatedAt) },
    );
  } else {
    setTranslated(ui.generated, 'review.report.recordedUntil', 'As recorded until {time}.', {
      time: () => fullTime(report.generatedAt),
    });
  }
  ui.dashboardLink.href = dashboardHref(sessionId);
  const zone = readerZone();
  for (const [id, file] of Object.entries(DOWNLOADS)) byId(id).href = exportHref(sessionId, file, zone);
  setTranslated(ui.zone, 'review.report.zone', 'Times in the CSV and PDF files are in your time zone, {zone}.', { zone });

  const names = new Map(students.map((s) => [s.studentId, studentName(s)]));
  const alertsById = new Map(alerts.filter((a) => typeof a.alertId === 'string').map((a) => [a.alertId, a]));
  const affect = hasAffect({ students, summary });
  // Without any estimate but with students observed, affect inference was off: say so, drop columns.
  const affectColumns = affect || !students.some(wasObserved);
  show(ui.affectOff, !affectColumns);

  show(ui.view); // before the chart, which takes its container's width
  renderSummary(summary, affect, reference);
  renderStudents(students, affectColumns, reference);
  renderAttendance(list(report.attendance), report.lateAfterMinutes);
  renderAlerts(alerts, names, reference);
  renderNotes(notes, names, alertsById, reference);
}

/** Who of the roster never came, who came late or left early, who came without being listed. */
function renderAttendance(attendance, lateAfterMinutes) {
  const minutes = Number.isFinite(lateAfterMinutes) ? lateAfterMinutes : 5;
  const listed = attendance.some((a) => a.onRoster === true);
  const groups = [
    [(n) => t('review.attendance.notJoined', { count: n }, 'Not joined ({count}):'), (a) => a.presence === 'NOT_JOINED', 'not-joined'],
    [
      (n) => t('review.attendance.late', { count: n, minutes }, 'Joined late (more than {minutes} min after the start) ({count}):'),
      (a) => a.late === true,
      'late',
    ],
    [(n) => t('review.attendance.left', { count: n }, 'Left before the end ({count}):'), (a) => a.presence === 'LEFT', 'left'],
  ];
  if (listed) {
    groups.push([
      (n) => t('review.attendance.notOnRoster', { count: n }, 'Not on the roster ({count}):'),
      (a) => a.onRoster === false,
      'not-on-roster',
    ]);
  }
  const items = groups
    .map(([label, which, kind]) => [label, attendance.filter(which), kind])
    .filter(([, who]) => who.length > 0)
    .map(([label, who, kind]) =>
      h(
        'li',
        { 'data-kind': kind },
        `${label(who.length)} `,
        ...who.flatMap((a, i) => [i ? ', ' : '', studentLink(a.presence === 'NOT_JOINED' ? null : a.studentId, studentName(a, a.studentId))]),
      ),
    );
  show(ui.attendanceEmpty, items.length === 0);
  ui.attendance.replaceChildren(...items);
}

function renderSummary(summary, affect, reference) {
  const steps = summary.filter((s) => isTime(s.from) && isTime(s.to));
  show(ui.summaryEmpty, steps.length === 0);
  show(ui.summaryFigure, steps.length > 0);
  show(ui.summaryDetails, steps.length > 0);
  if (chart) chart.destroy();
  chart = null;
  ui.summaryChart.replaceChildren();
  setText(ui.summaryDescription, describeSummary(steps, affect, reference));
  if (steps.length) {
    try {
      chart = createSummaryChart(ui.summaryChart, steps, affect);
    } catch {
      // The description and the table say the same; a chart that cannot be drawn is only missing.
      ui.summaryChart.replaceChildren();
    }
  }
  const columns = [
    { header: t('review.column.time', {}, 'Time'), rowHeader: true, cell: (s) => timeRange(s.from, s.to, reference) },
    { header: t('review.column.students', {}, 'Students'), numeric: true, cell: (s) => number(count(s.students)) },
    { header: t('review.column.present', {}, 'Present'), numeric: true, cell: (s) => number(count(s.present)) },
    affect && { header: t('review.column.engaged', {}, 'Engaged'), numeric: true, cell: (s) => number(count(s.engaged)) },
    affect && { header: t('review.column.confused', {}, 'Confused'), numeric: true, cell: (s) => number(count(s.confused)) },
    { header: t('review.column.away', {}, 'Away'), numeric: true, cell: (s) => number(count(s.away)) },
    ...meanAffectColumns(affect),
    { header: t('review.column.alerts', {}, 'Alerts'), numeric: true, cell: (s) => number(count(s.alerts)) },
  ].filter(Boolean);
  fillTable(ui.summaryTable, columns, steps);
}

/** The mean confusion and engagement columns both tables have, where affect inference is on. */
function meanAffectColumns(affect) {
  if (!affect) return [];
  return [
    {
      header: t('review.column.meanConfusion', {}, 'Mean confusion'),
      numeric: true,
      cell: (s) => percent(s.meanConfusion),
    },
    {
      header: t('review.column.meanEngagement', {}, 'Mean engagement'),
      numeric: true,
      cell: (s) => percent(s.meanEngagement),
    },
  ];
}

function renderStudents(students, affect, reference) {
  show(ui.studentsEmpty, students.length === 0);
  show(ui.students.closest('.table-scroll'), students.length > 0);
  const share = (key) => (s) => percent(s.shares && s.shares[key]);
  const columns = [
    {
      header: t('review.column.student', {}, 'Student'),
      rowHeader: true,
      cell: (s) => {
        const name = studentName(s);
        const id = typeof s.studentId === 'string' && s.studentId !== name ? h('span', { class: 'cell-id hint', text: s.studentId }) : null;
        return [studentLink(s.studentId, name), id];
      },
    },
    { header: t('review.column.firstSeen', {}, 'First seen'), cell: (s) => timeElement(s.firstSeenAt, reference) },
    { header: t('review.column.lastSeen', {}, 'Last seen'), cell: (s) => timeElement(s.lastSeenAt, reference) },
    { header: t('review.column.observed', {}, 'Observed'), numeric: true, cell: (s) => duration(s.shares && s.shares.observedMs) },
    { header: t('review.column.present', {}, 'Present'), numeric: true, cell: share('present') },
    affect && { header: t('review.column.engaged', {}, 'Engaged'), numeric: true, cell: share('engaged') },
    affect && { header: t('review.column.confused', {}, 'Confused'), numeric: true, cell: share('confused') },
    { header: t('review.column.away', {}, 'Away'), numeric: true, cell: share('away') },
    ...meanAffectColumns(affect),
    {
      header: t('review.column.alertsOpen', {}, 'Alerts (open)'),
      numeric: true,
      cell: (s) =>
        count(s.openAlerts)
          ? t('review.alertsWithOpen', { alerts: count(s.alerts), open: count(s.openAlerts) }, '{alerts} ({open} open)')
          : number(count(s.alerts)),
    },
    { header: t('review.column.notes', {}, 'Notes'), numeric: true, cell: (s) => number(count(s.notes)) },
  ].filter(Boolean);
  fillTable(ui.students, columns, students, (s) => ({
    dataset: datasetOf({ studentId: s.studentId }),
    class: count(s.openAlerts) ? 'has-open-alerts' : null,
  }));
}

function renderAlerts(alerts, names, reference) {
  const open = alerts.filter((a) => decisionState(a.acknowledgement) === 'open').length;
  setText(
    ui.alertCount,
    alerts.length ? t('review.notReviewedOf', { open, total: alerts.length }, '{open} not reviewed of {total}') : '',
  );
  show(ui.alertsEmpty, alerts.length === 0);
  show(ui.alerts.closest('.table-scroll'), alerts.length > 0);
  const columns = [
    { header: t('review.column.time', {}, 'Time'), rowHeader: true, cell: (a) => timeElement(a.timestamp, reference) },
    {
      header: t('review.column.student', {}, 'Student'),
      cell: (a) => studentLink(a.studentId, names.get(a.studentId) || studentName(null, a.studentId)),
    },
    { header: t('review.column.type', {}, 'Type'), cell: (a) => alertTypeLabel(a.alertType) },
    { header: t('review.column.count', {}, 'Count'), numeric: true, cell: (a) => number(Math.max(1, count(a.count))) },
    { header: t('review.column.reason', {}, 'Reason'), cell: (a) => alertDetails(a) || '—' },
    {
      header: t('review.column.decision', {}, 'Decision'),
      cell: (a) => h('span', { class: `decision decision-${decisionState(a.acknowledgement)}`, text: describeDecision(a.acknowledgement, reference) }),
    },
  ];
  fillTable(ui.alerts, columns, alerts, (a) => ({
    dataset: datasetOf({ alertId: a.alertId, studentId: a.studentId, state: decisionState(a.acknowledgement) }),
  }));
}

function renderNotes(notes, names, alertsById, reference) {
  show(ui.notesEmpty, notes.length === 0);
  ui.notes.replaceChildren(
    ...notes.map((note) => {
      const name = names.get(note.studentId) || studentName(null, note.studentId);
      const alert = typeof note.alertId === 'string' ? alertsById.get(note.alertId) : null;
      const about = [t('review.report.noteOn', {}, 'on'), ' ', studentLink(note.studentId, name)];
      if (alert) {
        about.push(t('review.report.noteOnAlert', { alert: alertName(alert, reference) }, ', about the alert “{alert}”'));
      } else if (typeof note.alertId === 'string') {
        about.push(t('review.report.noteOnAnAlert', {}, ', about an alert'));
      }
      return noteItem(note, reference, about);
    }),
  );
}

/** Printing shows the summary's table too: a closed <details> prints closed. */
function wirePrinting() {
  let wasOpen = false;
  window.addEventListener('beforeprint', () => {
    wasOpen = ui.summaryDetails.open;
    ui.summaryDetails.open = true;
  });
  window.addEventListener('afterprint', () => {
    ui.summaryDetails.open = wasOpen;
  });
  ui.print.addEventListener('click', () => window.print());
}

if (sessionId && IDENTIFIER.test(sessionId)) {
  ui.refresh.addEventListener('click', () => load());
  wirePrinting();
  // What the markup and setTranslated marked follows by itself; the report's built parts, drawn again.
  onLanguageChange(() => {
    if (shown) render(shown);
  });
  load();
} else {
  setUntranslated(ui.status, '');
  const problem = h('span');
  const choose = h('a', { href: './' });
  setTranslated(problem, 'review.report.noSession', 'No session was given, or its id is not valid.');
  setTranslated(choose, 'review.report.chooseSession', 'Choose one of your sessions');
  setUntranslated(ui.error, '');
  ui.error.replaceChildren(problem, ' ', choose, '.');
}

showSignIn({ withCaller: true });
