import { percent } from '../dom.js';
import { alertTypeLabel, score, statusInfo } from '../protocol.js';

/**
 * Words and numbers of the review pages (the session report and a student's timeline), kept apart
 * from the DOM so that they can be checked on their own: dates and times in the reader's locale,
 * durations, alert decisions, and the runs of a student's statuses. Every function takes what the
 * server sent as it is: a field left out (JSON-B omits nulls) or of the wrong type gives "—" or
 * nothing, never an exception.
 */

export const KIND_WORDS = Object.freeze({ CLASS: 'Class', EXAM: 'Exam' });
export const PHASE_WORDS = Object.freeze({ SCHEDULED: 'Scheduled', OPEN: 'Open', ENDED: 'Ended' });
const DECISION_WORDS = Object.freeze({ REVIEWED: 'Reviewed', DISMISSED: 'Dismissed' });

/**
 * Two history points further apart than this have a time without record between them (the student
 * left, lost the connection or sent no frames): a status does not run on across it, nor a line.
 */
export const GAP_MS = 15000;

/** Dates beyond ±8.64e15 ms are not dates: Intl would throw on them. */
export const isTime = (ms) => typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
export const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/** An array of the objects in value; anything else is an empty list. */
export function list(value) {
  return Array.isArray(value) ? value.filter((item) => item !== null && typeof item === 'object') : [];
}

/** "1 student", "3 students". */
export function plural(count, word, words = `${word}s`) {
  return `${count} ${count === 1 ? word : words}`;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE_TIME_SECONDS = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const DAY = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric' });

/** A date and time to the minute, as in "created …". */
export function dateTime(ms) {
  return isTime(ms) ? DATE_TIME.format(ms) : '—';
}

/** A date and time to the second, for titles and tooltips. */
export function fullTime(ms) {
  return isTime(ms) ? DATE_TIME_SECONDS.format(ms) : '—';
}

/** A time of day to the second, with the date only when it is not the day of referenceMs. */
export function timeOf(ms, referenceMs) {
  if (!isTime(ms)) return '—';
  if (isTime(referenceMs) && DAY.format(ms) !== DAY.format(referenceMs)) return DATE_TIME_SECONDS.format(ms);
  return TIME.format(ms);
}

/** 42 000 → "42 s", 185 000 → "3 min 5 s", 4 320 000 → "1 h 12 min". */
export function duration(ms) {
  if (!isNumber(ms) || ms < 0) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** A count the server sent, or 0. */
export function count(value) {
  return Number.isInteger(value) && value >= 0 ? value : 0;
}

/** The name to show for a student: their name, else their id. */
export function studentName(student, fallbackId) {
  if (student && typeof student.name === 'string' && student.name.trim()) return student.name;
  if (student && typeof student.studentId === 'string') return student.studentId;
  return typeof fallbackId === 'string' ? fallbackId : 'Unknown student';
}

/** The session's line under the title: kind, phase, owner, other teachers, times. */
export function describeSession(session) {
  if (!session || typeof session !== 'object') return '';
  const facts = [];
  if (session.kind) facts.push(KIND_WORDS[session.kind] || String(session.kind));
  if (session.phase) facts.push(PHASE_WORDS[session.phase] || String(session.phase));
  if (typeof session.owner === 'string' && session.owner) facts.push(`owner ${session.owner}`);
  const others = Array.isArray(session.teachers)
    ? session.teachers.filter((t) => typeof t === 'string' && t && t !== session.owner)
    : [];
  if (others.length) facts.push(`with ${others.join(', ')}`);
  if (isTime(session.createdAt)) facts.push(`created ${dateTime(session.createdAt)}`);
  if (session.phase === 'SCHEDULED' && isTime(session.opensAt)) facts.push(`opens ${dateTime(session.opensAt)}`);
  if (isTime(session.endedAt)) facts.push(`ended ${dateTime(session.endedAt)}`);
  return facts.join(' · ');
}

/** "Not reviewed", or "Reviewed by alice at 10:42:07" / "Dismissed by bob at …". */
export function describeDecision(ack, referenceMs) {
  if (!ack || typeof ack !== 'object' || typeof ack.action !== 'string') return 'Not reviewed';
  const words = [DECISION_WORDS[ack.action] || ack.action];
  if (typeof ack.acknowledgedBy === 'string' && ack.acknowledgedBy) words.push(`by ${ack.acknowledgedBy}`);
  if (isTime(ack.timestamp)) words.push(`at ${timeOf(ack.timestamp, referenceMs)}`);
  return words.join(' ');
}

/** "open", "reviewed" or "dismissed": for styling and data-state. */
export function decisionState(ack) {
  if (!ack || typeof ack !== 'object' || typeof ack.action !== 'string') return 'open';
  return ack.action.toLowerCase();
}

/** An alert in a few words, to name it in a list of choices: "Looking away at 10:42:07". */
export function alertName(alert, referenceMs) {
  return `${alertTypeLabel(alert?.alertType)} at ${timeOf(alert?.timestamp, referenceMs)}`;
}

/** The details of an alert beyond its type: the reason, how long, how sure. */
export function alertDetails(alert) {
  const details = [];
  if (typeof alert?.reason === 'string' && alert.reason.trim()) details.push(alert.reason);
  if (isNumber(alert?.durationMs) && alert.durationMs > 0) details.push(`for ${duration(alert.durationMs)}`);
  if (isNumber(alert?.confidence)) details.push(`confidence ${percent(alert.confidence)}`);
  return details.join(' · ');
}

/** "Raised 3 times, last at 10:42:07" for an alert whose condition came back; else "". */
export function describeRepeats(alert, referenceMs) {
  const times = count(alert?.count);
  if (times < 2) return '';
  const last = isTime(alert.lastTimestamp) ? `, last at ${timeOf(alert.lastTimestamp, referenceMs)}` : '';
  return `Raised ${times} times${last}`;
}

/** Items sorted by a time field, oldest first; items without that time go last. */
export function byTime(items, field) {
  const at = (item) => (isTime(item[field]) ? item[field] : Infinity);
  return list(items)
    .map((item, index) => ({ item, index }))
    .sort((a, b) => at(a.item) - at(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * Whether the data has any confusion or engagement estimate. Without one (affect inference off,
 * or no face could be analysed) the pages leave those columns and lines out.
 */
export function hasAffect({ students = [], summary = [], history = [] } = {}) {
  const estimated = (item) =>
    isNumber(item.meanConfusion) || isNumber(item.meanEngagement) || isNumber(item.confusion) || isNumber(item.engagement);
  return list(students).some(estimated) || list(summary).some(estimated) || list(history).some(estimated);
}

/** Whether anything of a student was recorded (the affect notice is only worth it then). */
export function wasObserved(student) {
  return isTime(student?.firstSeenAt) || (isNumber(student?.shares?.observedMs) && student.shares.observedMs > 0);
}

/** A status in words, with its glyph so that it is not told by colour alone. */
export function statusWords(status) {
  if (status === null) return 'No record';
  const info = statusInfo(status);
  return `${info.glyph} ${info.label}`;
}

/**
 * A student's history as runs of one status: [{from, to, status}], oldest first. A run lasts until
 * the status changes (the next run's first point), or to its last point before a gap or the end.
 * A gap longer than gapMs is a run of its own with status null ("No record").
 */
export function statusRuns(history, gapMs = GAP_MS) {
  const points = byTime(history, 'timestamp').filter((p) => isTime(p.timestamp));
  const runs = [];
  let run = null;
  let last = null;
  for (const point of points) {
    const status = typeof point.status === 'string' ? point.status : 'UNKNOWN';
    if (run && point.timestamp - last > gapMs) {
      runs.push({ from: last, to: point.timestamp, status: null });
      run = null;
    }
    if (run && run.status === status) {
      run.to = point.timestamp;
    } else {
      if (run) run.to = point.timestamp;
      run = { from: point.timestamp, to: point.timestamp, status };
      runs.push(run);
    }
    last = point.timestamp;
  }
  return runs;
}

/**
 * A student's history as chart columns [seconds, confusion, engagement], with a break in the lines
 * (a point of nulls) wherever a gap longer than gapMs lies between two points.
 */
export function affectColumns(history, gapMs = GAP_MS) {
  const columns = [[], [], []];
  let last = null;
  for (const point of byTime(history, 'timestamp')) {
    if (!isTime(point.timestamp) || point.timestamp === last) continue;
    if (last !== null && point.timestamp - last > gapMs) {
      columns[0].push((last + 1) / 1000);
      columns[1].push(null);
      columns[2].push(null);
    }
    columns[0].push(point.timestamp / 1000);
    columns[1].push(score(point.confusion));
    columns[2].push(score(point.engagement));
    last = point.timestamp;
  }
  return columns;
}

/** The step of a list with the largest number in field, or null. */
function peak(items, field) {
  return items.reduce((best, item) => (isNumber(item[field]) && (!best || item[field] > best[field]) ? item : best), null);
}

/** The summary over time in sentences: the chart's text alternative. */
export function describeSummary(summary, affect, referenceMs) {
  const steps = list(summary).filter((s) => isTime(s.from) && isTime(s.to));
  if (!steps.length) return '';
  const first = steps[0];
  const last = steps[steps.length - 1];
  const stepMinutes = Math.max(1, Math.round((first.to - first.from) / 60000));
  const sentences = [
    `From ${timeOf(first.from, referenceMs)} to ${timeOf(last.to, referenceMs)}, in steps of ${stepMinutes} min.`,
  ];
  const present = peak(steps, 'present');
  if (present) {
    sentences.push(`At most ${plural(present.present, 'student')} present (at ${timeOf(present.from, referenceMs)}).`);
  }
  if (affect) {
    const confused = peak(steps, 'confused');
    if (confused && confused.confused > 0) {
      sentences.push(`At most ${plural(confused.confused, 'student')} confused (at ${timeOf(confused.from, referenceMs)}).`);
    } else {
      sentences.push('Nobody was shown as confused.');
    }
    const confusion = peak(steps, 'meanConfusion');
    if (confusion) {
      sentences.push(`Highest mean confusion ${percent(confusion.meanConfusion)} (at ${timeOf(confusion.from, referenceMs)}).`);
    }
  }
  const away = peak(steps, 'away');
  if (away && away.away > 0) sentences.push(`At most ${plural(away.away, 'student')} away (at ${timeOf(away.from, referenceMs)}).`);
  const alerts = steps.reduce((sum, s) => sum + count(s.alerts), 0);
  sentences.push(alerts ? `${plural(alerts, 'alert')} raised.` : 'No alerts raised.');
  return sentences.join(' ');
}

/** A student's confusion over time in a sentence: the timeline chart's text alternative. */
export function describeAffect(student, history, referenceMs) {
  const points = list(history).filter((p) => isTime(p.timestamp));
  const sentences = [];
  if (isNumber(student?.meanConfusion)) sentences.push(`Mean confusion ${percent(student.meanConfusion)}.`);
  if (isNumber(student?.meanEngagement)) sentences.push(`Mean engagement ${percent(student.meanEngagement)}.`);
  const confusion = peak(points, 'confusion');
  if (confusion) sentences.push(`Highest confusion ${percent(confusion.confusion)} at ${timeOf(confusion.timestamp, referenceMs)}.`);
  const engagement = points.reduce(
    (low, p) => (isNumber(p.engagement) && (!low || p.engagement < low.engagement) ? p : low),
    null,
  );
  if (engagement) sentences.push(`Lowest engagement ${percent(engagement.engagement)} at ${timeOf(engagement.timestamp, referenceMs)}.`);
  return sentences.join(' ');
}
