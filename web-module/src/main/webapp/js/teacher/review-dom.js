import { h } from '../dom.js';
import { setTranslated, setUntranslated } from '../i18n.js';
import { fullTime, isTime, timeOf } from './review-format.js';

/**
 * The DOM pieces both review pages build: tables from a list of columns (header cells with
 * scope="col", the row's header cell with scope="row", numbers aligned right), and times as
 * <time> elements that carry the full date in their title.
 */

/**
 * Fills a table's head and body. columns: [{header, cell(row) → text, node or array, rowHeader?,
 * numeric?}]; rowProps(row) gives each <tr>'s props (dataset and the like).
 */
export function fillTable(table, columns, rows, rowProps = () => ({})) {
  const head = table.tHead || table.createTHead();
  head.replaceChildren(
    h(
      'tr',
      {},
      columns.map((column) => h('th', { scope: 'col', class: column.numeric ? 'numeric' : null, text: column.header })),
    ),
  );
  const body = table.tBodies[0] || table.createTBody();
  body.replaceChildren(
    ...rows.map((row) =>
      h(
        'tr',
        rowProps(row),
        columns.map((column) =>
          h(
            column.rowHeader ? 'th' : 'td',
            { scope: column.rowHeader ? 'row' : null, class: column.numeric ? 'numeric' : null },
            column.cell(row),
          ),
        ),
      ),
    ),
  );
}

/**
 * A dataset of the string values of object only: dataset would write an absent value as the word
 * "undefined".
 */
export function datasetOf(object) {
  const dataset = {};
  for (const [key, value] of Object.entries(object)) if (typeof value === 'string') dataset[key] = value;
  return dataset;
}

/** A time of day (with the date when it is not the reference's day); "—" when absent. */
export function timeElement(ms, referenceMs) {
  if (!isTime(ms)) return '—';
  return h('time', { datetime: new Date(ms).toISOString(), title: fullTime(ms) }, timeOf(ms, referenceMs));
}

/** "10:00:00 – 10:05:00" as two <time> elements. */
export function timeRange(from, to, referenceMs) {
  return [timeElement(from, referenceMs), ' – ', timeElement(to, referenceMs)];
}

/**
 * Why a review page could not load its data, in words for the teacher, on element: in the page's
 * language (it follows a switch) where they are the page's, in the server's where it sent some.
 * notFound(element) gives the page's own words for a 404.
 */
export function showLoadFailure(element, failure, notFound) {
  switch (failure && failure.status) {
    case 404:
      notFound(element);
      return;
    case 401:
      setTranslated(element, 'review.load.signedOut', 'You are signed out. Reload the page to sign in again.');
      return;
    case 403:
      setTranslated(element, 'review.load.forbidden', 'Only the teachers of this session (and admins) can see this.');
      return;
    default:
      if (failure && failure.code === 'NETWORK') {
        setTranslated(element, 'api.network', 'The server could not be reached. Check your connection and try again.');
      } else if (failure && failure.message) {
        setUntranslated(element, failure.message);
      } else {
        setTranslated(element, 'review.load.failed', 'Something went wrong. Please try again.');
      }
  }
}
