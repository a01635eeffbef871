import uPlot from '../../vendor/uplot/uPlot.esm.js';
import { formatDate, t } from '../i18n.js';
import { score } from '../protocol.js';
import { CONFUSION_SERIES, followingWidth } from './charts.js';
import { ZONE, clockOf, isNumber, isTime, list, number, percent } from './review-format.js';

/**
 * The report's chart of the summary over time: how many students were present, confused and away
 * in each step (left axis), and their mean confusion (right axis, without affect inference left
 * out). Series differ by dash pattern and legend label, not by colour alone. Like the dashboard's
 * charts it follows its container's width and does not zoom; the page gives it a text alternative.
 * Its labels, times and numbers are in the page's language as it is when the chart is made: the
 * report makes it again on a change of language.
 */

const AXIS = { stroke: '#4a5361', grid: { stroke: '#e3e6eb' } };
const asPercent = (value) => percent(value);
const asCount = (value) => (isNumber(value) ? number(Math.round(value)) : '—');

/** The time axis' steps in seconds: none finer than the summary's steps (or a minute), so that labels do not crowd. */
const TIME_INCREMENTS = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

/** The time axis' labels (seconds since the epoch) in the page's locale: dates for days apart, seconds where ticks are. */
function timeLabels(u, splits, axisIndex, space, increment) {
  if (isNumber(increment) && increment >= 86400) {
    return splits.map((s) => formatDate(s * 1000, { month: 'short', day: 'numeric', timeZone: ZONE }));
  }
  return splits.map((s) => clockOf(s * 1000, isNumber(increment) && increment < 60));
}

export function createSummaryChart(container, summary, affect, height = 240) {
  const steps = list(summary).filter((s) => isTime(s.from) && isTime(s.to));
  const counted = (key) => steps.map((s) => (isNumber(s[key]) ? s[key] : null));
  const countSeries = (props) => ({ scale: 'count', width: 2, spanGaps: false, value: (u, v) => asCount(v), ...props });

  // The legend's time: to the second only where the steps are shorter than a minute.
  const stepSeconds = steps.length ? (steps[0].to - steps[0].from) / 1000 : 60;
  const withSeconds = stepSeconds < 60;
  const series = [
    { label: t('series.time', {}, 'Time'), value: (u, v) => (isNumber(v) ? clockOf(v * 1000, withSeconds) : '—') },
    countSeries({ label: t('review.chart.studentsPresent', {}, 'Students present'), stroke: '#1d6b35' }),
  ];
  const data = [steps.map((s) => s.from / 1000), counted('present')];
  if (affect) {
    series.push(countSeries({ label: t('review.column.confused', {}, 'Confused'), stroke: '#a35200', dash: [6, 4] }));
    data.push(counted('confused'));
  }
  series.push(countSeries({ label: t('review.column.away', {}, 'Away'), stroke: '#4a5361', width: 1.5, dash: [2, 3] }));
  data.push(counted('away'));
  const axes = [
    { ...AXIS, space: 64, incrs: TIME_INCREMENTS.filter((i) => i >= Math.min(60, stepSeconds)), values: timeLabels },
    { ...AXIS, scale: 'count', size: 44, incrs: [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000] },
  ];
  if (affect) {
    series.push({
      ...CONFUSION_SERIES,
      label: t('review.column.meanConfusion', {}, 'Mean confusion'),
      dash: [10, 3, 2, 3],
      scale: 'share',
      spanGaps: false,
      value: (u, v) => asPercent(v),
    });
    data.push(steps.map((s) => score(s.meanConfusion)));
    axes.push({ ...AXIS, scale: 'share', side: 1, size: 48, grid: { show: false }, values: (u, vs) => vs.map(asPercent) });
  }

  // The whole session from the first step's start to the last one's end, even for a single step.
  const start = steps.length ? steps[0].from / 1000 : 0;
  const end = steps.length ? Math.max(steps[steps.length - 1].to / 1000, start + 60) : 60;
  const plot = new uPlot(
    {
      width: Math.max(240, container.clientWidth),
      height,
      scales: {
        x: { time: true, range: () => [start, end] },
        count: { range: (u, min, max) => [0, Math.max(1, Math.ceil(isNumber(max) ? max : 1))] },
        share: { range: [0, 1] },
      },
      axes,
      series,
      cursor: { drag: { x: false, y: false } },
      legend: { live: true },
    },
    data,
    container,
  );
  return followingWidth(plot, container, height, 240);
}
