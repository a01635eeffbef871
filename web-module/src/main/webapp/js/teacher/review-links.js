import { appUrl } from '../app.js';

/**
 * Where the review pages are, in one place, for every page that links to them: the session list,
 * the live dashboard and its drill-down, the report and the timeline. Page links are relative, as
 * all the teacher's pages are in teacher/; downloads go to the API through appUrl, so that they
 * work under any context root.
 */

const encode = encodeURIComponent;

/** The report of a session: teacher/report.html?session=ID. */
export function reportHref(sessionId) {
  return `report.html?session=${encode(sessionId)}`;
}

/** One student's timeline: teacher/student.html?session=ID&student=STUDENT_ID. */
export function timelineHref(sessionId, studentId) {
  return `student.html?session=${encode(sessionId)}&student=${encode(studentId)}`;
}

/** The live dashboard of a session. */
export function dashboardHref(sessionId) {
  return `./?session=${encode(sessionId)}`;
}

/** The reader's time zone (an IANA name), which the CSV and PDF downloads write their times in. */
export function readerZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A download of the report: file is report.json, report.pdf, students.csv, alerts.csv or summary.csv. */
export function exportHref(sessionId, file, zone = readerZone()) {
  const url = appUrl(`api/v1/sessions/${encode(sessionId)}/exports/${file}`);
  url.searchParams.set('zone', zone);
  return url.href;
}
