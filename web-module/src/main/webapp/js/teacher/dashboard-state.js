import { score } from '../protocol.js';
import { SeriesHistory } from './history.js';

/** Live points kept per student for the drill-down sparkline: 15 minutes at one update a second. */
const STUDENT_HISTORY_POINTS = 900;
/** Points kept for the whole-session timeline: 12 hours at one update a second. */
const SESSION_HISTORY_POINTS = 43200;

function sameIndicators(a, b) {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => a[key] === b[key]);
}

/**
 * What the dashboard knows about one session, built from SESSION_UPDATEs. Each student record has
 * a version that changes only when something shown on its tile changed, so the grid redraws only
 * those tiles.
 */
export class DashboardState {
  students = new Map();
  /** Student ids in arrival order; the grid sorts and filters a copy. */
  order = [];
  aggregate = null;
  affectInference = true;
  /** {fps, since} while the server asks this session's students for fewer pictures, else null. */
  analysis = null;
  lastUpdateAt = null;
  /** time, average confusion, average engagement, share of students active. */
  timeline = new SeriesHistory(3, SESSION_HISTORY_POINTS);
  /** Open (unacknowledged) alert count per student id. */
  openAlerts = new Map();
  version = 0;

  /** Forgets a student at once (their data was deleted), before the next update leaves them out. */
  forget(studentId) {
    this.students.delete(studentId);
    this.order = this.order.filter((id) => id !== studentId);
    this.openAlerts.delete(studentId);
    this.version += 1;
  }

  /** Merges one SESSION_UPDATE. Returns true when anything visible changed. */
  apply(update) {
    if (!update || !Array.isArray(update.students) || !update.aggregate) return false;
    const timestamp = typeof update.timestamp === 'number' ? update.timestamp : Date.now();
    const seconds = Math.round(timestamp / 1000);
    this.lastUpdateAt = timestamp;
    this.affectInference = update.affectInference !== false;
    const analysis = update.analysis;
    this.analysis = analysis && typeof analysis.fps === 'number' && typeof analysis.since === 'number' ? analysis : null;
    this.aggregate = update.aggregate;
    let engagementSum = 0;
    let engagementCount = 0;
    const seen = new Set();
    for (const line of update.students) {
      if (!line || typeof line.id !== 'string') continue;
      seen.add(line.id);
      const record = this.#merge(line);
      record.history.push(seconds, record.confusion, record.engagement);
      if (record.engagement !== null) {
        engagementSum += record.engagement;
        engagementCount += 1;
      }
    }
    // Each update lists every student of the session: one missing has been removed from it.
    if (seen.size < this.students.size) {
      for (const id of this.order) if (!seen.has(id)) this.students.delete(id);
      this.order = this.order.filter((id) => seen.has(id));
    }
    const { totalStudents, activeStudents, avgConfusion } = update.aggregate;
    this.timeline.push(
      seconds,
      this.affectInference ? score(avgConfusion) : null,
      this.affectInference && engagementCount ? engagementSum / engagementCount : null,
      totalStudents > 0 ? activeStudents / totalStudents : null,
    );
    this.version += 1;
    return true;
  }

  #merge(line) {
    let record = this.students.get(line.id);
    if (!record) {
      record = { id: line.id, version: 0, history: new SeriesHistory(2, STUDENT_HISTORY_POINTS) };
      this.students.set(line.id, record);
      this.order.push(line.id);
    }
    const name = typeof line.name === 'string' && line.name ? line.name : line.id;
    const confusion = score(line.confusion);
    const engagement = score(line.engagement);
    const lastFrameAt = typeof line.lastFrameAt === 'number' ? line.lastFrameAt : null;
    const faces = typeof line.faces === 'number' ? line.faces : null;
    const indicators = line.indicators && typeof line.indicators === 'object' ? line.indicators : null;
    if (
      record.version === 0 ||
      record.name !== name ||
      record.status !== line.status ||
      record.confusion !== confusion ||
      record.engagement !== engagement ||
      record.lastFrameAt !== lastFrameAt ||
      record.faces !== faces ||
      !sameIndicators(record.indicators, indicators)
    ) {
      Object.assign(record, { name, status: line.status, confusion, engagement, lastFrameAt, faces, indicators });
      record.version += 1;
    }
    return record;
  }

  nameOf(studentId) {
    const record = this.students.get(studentId);
    return record ? record.name : studentId;
  }

  setOpenAlerts(studentId, count) {
    if (count > 0) this.openAlerts.set(studentId, count);
    else this.openAlerts.delete(studentId);
    this.version += 1;
  }

  hasOpenAlert(studentId) {
    return this.openAlerts.has(studentId);
  }
}
