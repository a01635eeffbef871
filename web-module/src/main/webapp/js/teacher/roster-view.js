/**
 * The words of the roster card (GET /sessions/{id}/roster), kept apart from the DOM so that they
 * can be checked on their own: the summary line, each student's presence, the order that puts
 * who needs a look first, and the roster written back as text a teacher can edit and save again.
 * Fields the server left out (JSON-B omits nulls) are taken as absent, never as an error.
 */

export const Presence = Object.freeze({ NOT_JOINED: 'NOT_JOINED', HERE: 'HERE', LEFT: 'LEFT' });

const HOUR_MINUTE = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const FULL_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export const isTime = (ms) => typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

/** "10:42"; "" when absent. */
export function hourMinute(ms) {
  return isTime(ms) ? HOUR_MINUTE.format(ms) : '';
}

/** The date and time to the second, for a title. */
export function fullTime(ms) {
  return isTime(ms) ? FULL_TIME.format(ms) : '';
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
      return 'Here';
    case Presence.LEFT:
      return isTime(student.leftAt) ? `Left at ${hourMinute(student.leftAt)}` : 'Left';
    default:
      return 'Not joined';
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
  if (!attendance.hasRoster) return 'No roster yet';
  const students = attendance.students;
  const count = (test) => students.filter(test).length;
  const parts = [
    `${count((s) => s.onRoster !== false)} expected`,
    `${count((s) => s.presence === Presence.HERE)} here`,
    `${count((s) => s.presence !== Presence.HERE && s.presence !== Presence.LEFT)} not joined`,
  ];
  const left = count((s) => s.presence === Presence.LEFT);
  const late = count((s) => s.late === true);
  const strangers = count((s) => isStranger(attendance, s));
  if (left) parts.push(`${left} left`);
  if (late) parts.push(`${late} late`);
  if (strangers) parts.push(`${strangers} not on the roster`);
  return parts.join(' · ');
}

/** Who may join, in one sentence; "" without a roster (then anyone with the link may). */
export function policyLine(attendance) {
  if (!attendance.hasRoster) return '';
  return attendance.othersAllowed
    ? 'Students not on the roster can join too; they are marked below.'
    : 'Only the students on the roster can join.';
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
