import { formatDate, formatTime, t } from '../i18n.js';

/**
 * The words of the roster card (GET /sessions/{id}/roster), kept apart from the DOM so that they
 * can be checked on their own: the summary line, each student's presence, the order that puts
 * who needs a look first, and the roster written back as text a teacher can edit and save again.
 * Fields the server left out (JSON-B omits nulls) are taken as absent, never as an error. Words,
 * times and counts are in the page's language and locale (js/i18n.js, keys dashboard.roster.*) as
 * it is when called: the card draws again on a change of language.
 */

export const Presence = Object.freeze({ NOT_JOINED: 'NOT_JOINED', HERE: 'HERE', LEFT: 'LEFT' });

export const isTime = (ms) => typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

/** "10:42"; "" when absent. */
export function hourMinute(ms) {
  return isTime(ms) ? formatTime(ms, { hour: '2-digit', minute: '2-digit' }) : '';
}

/** The date and time to the second, for a title. */
export function fullTime(ms) {
  return isTime(ms) ? formatDate(ms, { dateStyle: 'medium', timeStyle: 'medium' }) : '';
}

/** The answer as {hasRoster, othersAllowed, students}, whatever was missing from it. */
export function readAttendance(answer) {
  const students = Array.isArray(answer?.students)
    ? answer.students.filter((s) => s && typeof s.studentId === 'string')
    : [];
  return {
    hasRoster: answer?.hasRoster === true,
    othersAllowed: answer?.othersAllowed !== false,
    students,
  };
}

export function nameOf(student) {
  return typeof student.name === 'string' && student.name.trim() ? student.name : student.studentId;
}

/** "Not joined", "Here", "Left at 10:42". */
export function presenceWords(student) {
  switch (student.presence) {
    case Presence.HERE:
      return t('dashboard.roster.here', {}, 'Here');
    case Presence.LEFT:
      return isTime(student.leftAt)
        ? t('dashboard.roster.leftAt', { time: hourMinute(student.leftAt) }, 'Left at {time}')
        : t('dashboard.roster.left', {}, 'Left');
    default:
      return t('dashboard.roster.notJoined', {}, 'Not joined');
  }
}

/** A student who joined without being on the roster; without a roster nobody is one. */
export function isStranger(attendance, student) {
  return attendance.hasRoster && student.onRoster === false;
}

/**
 * "12 expected · 9 here · 2 not joined · 1 left · 1 late · 1 not on the roster": the first three
 * always, the others when there are any; "No roster yet" while the session has none.
 */
export function summaryLine(attendance) {
  if (!attendance.hasRoster) return t('dashboard.roster.none', {}, 'No roster yet');
  const students = attendance.students;
  const count = (test) => students.filter(test).length;
  const parts = [
    t('dashboard.roster.countExpected', { count: count((s) => s.onRoster !== false) }, '{count} expected'),
    t('dashboard.roster.countHere', { count: count((s) => s.presence === Presence.HERE) }, '{count} here'),
    t(
      'dashboard.roster.countNotJoined',
      { count: count((s) => s.presence !== Presence.HERE && s.presence !== Presence.LEFT) },
      '{count} not joined',
    ),
  ];
  const left = count((s) => s.presence === Presence.LEFT);
  const late = count((s) => s.late === true);
  const strangers = count((s) => isStranger(attendance, s));
  if (left) parts.push(t('dashboard.roster.countLeft', { count: left }, '{count} left'));
  if (late) parts.push(t('dashboard.roster.countLate', { count: late }, '{count} late'));
  if (strangers) parts.push(t('dashboard.roster.countStrangers', { count: strangers }, '{count} not on the roster'));
  return parts.join(' · ');
}

/** Who may join, in one sentence; "" without a roster (then anyone with the link may). */
export function policyLine(attendance) {
  if (!attendance.hasRoster) return '';
  return attendance.othersAllowed
    ? t('dashboard.roster.othersAllowed', {}, 'Students not on the roster can join too; they are marked below.')
    : t('dashboard.roster.onlyRoster', {}, 'Only the students on the roster can join.');
}

/** 0 first: not joined, then left, then late, then not on the roster, then the others. */
function attentionRank(attendance, student) {
  if (student.presence === Presence.LEFT) return 1;
  if (student.presence !== Presence.HERE) return 0;
  if (student.late === true) return 2;
  if (isStranger(attendance, student)) return 3;
  return 4;
}

/** The students who need a look first; within each group the server's order (by name). */
export function attentionOrder(attendance) {
  return attendance.students
    .map((student, index) => ({ student, index, rank: attentionRank(attendance, student) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.student);
}

/** A name as a CSV cell: quoted when it holds a delimiter, a quote or surrounding spaces. Ids hold none. */
function cell(value) {
  return /[",;\t\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The roster's own students as CSV with an "id,name" header, which the server reads back as the
 * same roster: a teacher edits it to add or remove a few students, since saving replaces all.
 */
export function rosterText(attendance) {
  const lines = attendance.students
    .filter((s) => s.onRoster !== false)
    .map((s) => (typeof s.name === 'string' && s.name ? `${s.studentId},${cell(s.name)}` : s.studentId));
  return lines.length ? ['id,name', ...lines].join('\n') : '';
}
