import { formatDate, formatNumber, formatTime, t } from '../i18n.js';
import { alertTypeLabel, score, statusInfo } from '../protocol.js';
import { readerZone } from './review-links.js';

/**
 * Words and numbers of the review pages (the session report and a student's timeline), kept apart
 * from the DOM so that they can be checked on their own: dates and times in the reader's locale,
 * durations, alert decisions, and the runs of a student's statuses. Every function takes what the
 * server sent as it is: a field left out (JSON-B omits nulls) or of the wrong type gives "—" or
 * nothing, never an exception. Words are in the page's language (js/i18n.js, keys review.*) as it is
 * when called: the pages draw again on a change of language. Dates and times are in the page's
 * locale and the reader's time zone (readerZone, which the downloads are in too).
 */

/** The words of a session's kind, phase and an alert's decision, read when shown. */
const KIND_WORDS = Object.freeze({
  CLASS: () => t('review.kind.CLASS', {}, 'Class'),
  EXAM: () => t('review.kind.EXAM', {}, 'Exam'),
});
const PHASE_WORDS = Object.freeze({
  SCHEDULED: () => t('review.phase.SCHEDULED', {}, 'Scheduled'),
  OPEN: () => t('review.phase.OPEN', {}, 'Open'),
  ENDED: () => t('review.phase.ENDED', {}, 'Ended'),
});
const DECISION_WORDS = Object.freeze({
  REVIEWED: () => t('review.decision.REVIEWED', {}, 'Reviewed'),
  DISMISSED: () => t('review.decision.DISMISSED', {}, 'Dismissed'),
});

/** A word of one of the maps above, or the server's own word for a value it does not know. */
function wordOf(words, value) {
  return Object.hasOwn(words, value) ? words[value]() : String(value);
}

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

/** The time zone the pages show times in: the reader's, as the CSV and PDF downloads. */
export const ZONE = readerZone();

/** Which day a time is on in ZONE: for comparing days only, never shown. */
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** A date and time to the minute, as in "created …". */
export function dateTime(ms) {
  return isTime(ms) ? formatDate(ms, { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }) : '—';
}

/** A date and time to the second, for titles and tooltips. */
export function fullTime(ms) {
  return isTime(ms) ? formatDate(ms, { dateStyle: 'medium', timeStyle: 'medium', timeZone: ZONE }) : '—';
}

/** A time of day to the second, with the date only when it is not the day of referenceMs. */
export function timeOf(ms, referenceMs) {
  if (!isTime(ms)) return '—';
  if (isTime(referenceMs) && DAY.format(ms) !== DAY.format(referenceMs)) return fullTime(ms);
  return formatTime(ms, { timeStyle: 'medium', timeZone: ZONE });
}

/** A time of day to the minute (a chart's axis), or to the second when seconds tell the points apart. */
export function clockOf(ms, withSeconds = false) {
  if (!isTime(ms)) return '—';
  const options = withSeconds
    ? { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: ZONE }
    : { hour: '2-digit', minute: '2-digit', timeZone: ZONE };
  return formatTime(ms, options);
}

/** A share in [0, 1] as a percentage in the page's locale: 0.42 → "42%" ("42 %" in German); absent → "—". */
export function percent(value) {
  return isNumber(value) ? formatNumber(value, { style: 'percent', maximumFractionDigits: 0 }) : '—';
}

/** A count in the page's locale. */
export function number(value) {
  return isNumber(value) ? formatNumber(value) : '—';
}

/** 42 000 → "42 s", 185 000 → "3 min 5 s", 4 320 000 → "1 h 12 min". */
export function duration(ms) {
  if (!isNumber(ms) || ms < 0) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return t('review.duration.seconds', { s: seconds }, '{s} s');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return seconds % 60
      ? t('review.duration.minutesSeconds', { min: minutes, s: seconds % 60 }, '{min} min {s} s')
      : t('review.duration.minutes', { min: minutes }, '{min} min');
  }
  const hours = Math.floor(minutes / 60);
  return minutes % 60
    ? t('review.duration.hoursMinutes', { h: hours, min: minutes % 60 }, '{h} h {min} min')
    : t('review.duration.hours', { h: hours }, '{h} h');
}

/** A count the server sent, or 0. */
export function count(value) {
  return Number.isInteger(value) && value >= 0 ? value : 0;
}

/** The name to show for a student: their name, else their id. */
export function studentName(student, fallbackId) {
  if (student && typeof student.name === 'string' && student.name.trim()) return student.name;
  if (student && typeof student.studentId === 'string') return student.studentId;
  return typeof fallbackId === 'string' ? fallbackId : t('review.unknownStudent', {}, 'Unknown student');
}

/** The session's line under the title: kind, phase, owner, other teachers, times. */
export function describeSession(session) {
  if (!session || typeof session !== 'object') return '';
  const facts = [];
  if (session.kind) facts.push(wordOf(KIND_WORDS, session.kind));
  if (session.phase) facts.push(wordOf(PHASE_WORDS, session.phase));
  if (typeof session.owner === 'string' && session.owner) {
    facts.push(t('review.session.owner', { name: session.owner }, 'owner {name}'));
  }
  const others = Array.isArray(session.teachers)
    ? session.teachers.filter((teacher) => typeof teacher === 'string' && teacher && teacher !== session.owner)
    : [];
  if (others.length) facts.push(t('review.session.with', { names: others.join(', ') }, 'with {names}'));
  if (isTime(session.createdAt)) {
    facts.push(t('review.session.created', { time: dateTime(session.createdAt) }, 'created {time}'));
  }
  if (session.phase === 'SCHEDULED' && isTime(session.opensAt)) {
    facts.push(t('review.session.opens', { time: dateTime(session.opensAt) }, 'opens {time}'));
  }
  if (isTime(session.endedAt)) facts.push(t('review.session.ended', { time: dateTime(session.endedAt) }, 'ended {time}'));
  return facts.join(' · ');
}

/** "Not reviewed", or "Reviewed by alice at 10:42:07" / "Dismissed by bob at …". */
export function describeDecision(ack, referenceMs) {
  if (!ack || typeof ack !== 'object' || typeof ack.action !== 'string') {
    return t('review.decision.notReviewed', {}, 'Not reviewed');
  }
  const words = [wordOf(DECISION_WORDS, ack.action)];
  if (typeof ack.acknowledgedBy === 'string' && ack.acknowledgedBy) {
    words.push(t('review.decision.by', { name: ack.acknowledgedBy }, 'by {name}'));
  }
  if (isTime(ack.timestamp)) words.push(t('review.decision.at', { time: timeOf(ack.timestamp, referenceMs) }, 'at {time}'));
  return words.join(' ');
}

/** "open", "reviewed" or "dismissed": for styling and data-state. */
export function decisionState(ack) {
  if (!ack || typeof ack !== 'object' || typeof ack.action !== 'string') return 'open';
  return ack.action.toLowerCase();
}

/** An alert in a few words, to name it in a list of choices: "Looking away at 10:42:07". */
export function alertName(alert, referenceMs) {
  return t(
    'review.alert.name',
    { type: alertTypeLabel(alert?.alertType), time: timeOf(alert?.timestamp, referenceMs) },
    '{type} at {time}',
  );
}

/** The details of an alert beyond its type: the reason, how long, how sure. */
export function alertDetails(alert) {
  const details = [];
  if (typeof alert?.reason === 'string' && alert.reason.trim()) details.push(alert.reason);
  if (isNumber(alert?.durationMs) && alert.durationMs > 0) {
    details.push(t('review.alert.for', { duration: duration(alert.durationMs) }, 'for {duration}'));
  }
  if (isNumber(alert?.confidence)) {
    details.push(t('review.alert.confidence', { percent: percent(alert.confidence) }, 'confidence {percent}'));
  }
  return details.join(' · ');
}

/** "Raised 3 times, last at 10:42:07" for an alert whose condition came back; else "". */
export function describeRepeats(alert, referenceMs) {
  const times = count(alert?.count);
  if (times < 2) return '';
  if (!isTime(alert.lastTimestamp)) return t('review.alert.repeats', { count: times }, 'Raised {count} times');
  return t(
    'review.alert.repeatsLast',
    { count: times, time: timeOf(alert.lastTimestamp, referenceMs) },
    'Raised {count} times, last at {time}',
  );
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
  if (status === null) return t('review.status.noRecord', {}, 'No record');
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
    t(
      'review.summary.range',
      { from: timeOf(first.from, referenceMs), to: timeOf(last.to, referenceMs), minutes: stepMinutes },
      'From {from} to {to}, in steps of {minutes} min.',
    ),
  ];
  const present = peak(steps, 'present');
  if (present) {
    const params = { count: present.present, time: timeOf(present.from, referenceMs) };
    sentences.push(
      present.present === 1
        ? t('review.summary.presentOne', params, 'At most {count} student present (at {time}).')
        : t('review.summary.presentMany', params, 'At most {count} students present (at {time}).'),
    );
  }
  if (affect) {
    const confused = peak(steps, 'confused');
    if (confused && confused.confused > 0) {
      const params = { count: confused.confused, time: timeOf(confused.from, referenceMs) };
      sentences.push(
        confused.confused === 1
          ? t('review.summary.confusedOne', params, 'At most {count} student confused (at {time}).')
          : t('review.summary.confusedMany', params, 'At most {count} students confused (at {time}).'),
      );
    } else {
      sentences.push(t('review.summary.nobodyConfused', {}, 'Nobody was shown as confused.'));
    }
    const confusion = peak(steps, 'meanConfusion');
    if (confusion) {
      sentences.push(
        t(
          'review.summary.highestConfusion',
          { percent: percent(confusion.meanConfusion), time: timeOf(confusion.from, referenceMs) },
          'Highest mean confusion {percent} (at {time}).',
        ),
      );
    }
  }
  const away = peak(steps, 'away');
  if (away && away.away > 0) {
    const params = { count: away.away, time: timeOf(away.from, referenceMs) };
    sentences.push(
      away.away === 1
        ? t('review.summary.awayOne', params, 'At most {count} student away (at {time}).')
        : t('review.summary.awayMany', params, 'At most {count} students away (at {time}).'),
    );
  }
  const alerts = steps.reduce((sum, s) => sum + count(s.alerts), 0);
  if (!alerts) sentences.push(t('review.summary.noAlerts', {}, 'No alerts raised.'));
  else if (alerts === 1) sentences.push(t('review.summary.alertsOne', { count: alerts }, '{count} alert raised.'));
  else sentences.push(t('review.summary.alertsMany', { count: alerts }, '{count} alerts raised.'));
  return sentences.join(' ');
}

/** A student's confusion over time in a sentence: the timeline chart's text alternative. */
export function describeAffect(student, history, referenceMs) {
  const points = list(history).filter((p) => isTime(p.timestamp));
  const sentences = [];
  if (isNumber(student?.meanConfusion)) {
    sentences.push(t('review.affect.meanConfusion', { percent: percent(student.meanConfusion) }, 'Mean confusion {percent}.'));
  }
  if (isNumber(student?.meanEngagement)) {
    sentences.push(
      t('review.affect.meanEngagement', { percent: percent(student.meanEngagement) }, 'Mean engagement {percent}.'),
    );
  }
  const confusion = peak(points, 'confusion');
  if (confusion) {
    sentences.push(
      t(
        'review.affect.highestConfusion',
        { percent: percent(confusion.confusion), time: timeOf(confusion.timestamp, referenceMs) },
        'Highest confusion {percent} at {time}.',
      ),
    );
  }
  const engagement = points.reduce(
    (low, p) => (isNumber(p.engagement) && (!low || p.engagement < low.engagement) ? p : low),
    null,
  );
  if (engagement) {
    sentences.push(
      t(
        'review.affect.lowestEngagement',
        { percent: percent(engagement.engagement), time: timeOf(engagement.timestamp, referenceMs) },
        'Lowest engagement {percent} at {time}.',
      ),
    );
  }
  return sentences.join(' ');
}
