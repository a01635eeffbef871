import uPlot from '../../vendor/uplot/uPlot.esm.js';
import { t } from '../i18n.js';

/** A series whose legend label is in the page's language when a chart is made. */
function seriesStyle(key, english, style) {
  return Object.defineProperty({ ...style }, 'label', { get: () => t(key, {}, english), enumerable: true });
}

/** Series styles: distinguished by dash pattern and legend label too, not by colour alone. */
export const CONFUSION_SERIES = seriesStyle('series.confusion', 'Confusion', { stroke: '#b3261e', width: 2 });
export const ENGAGEMENT_SERIES = seriesStyle('series.engagement', 'Engagement', {
  stroke: '#1c4fbf',
  width: 2,
  dash: [6, 4],
});
export const ACTIVE_SERIES = seriesStyle('series.active', 'Students active', { stroke: '#1d6b35', width: 1.5, dash: [2, 3] });

const asPercent = (value) => (value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`);

/**
 * A time chart of shares in [0, 1] that follows its container's width. Zooming is off: the chart
 * always shows everything since the start, and redraws as data arrives.
 */
export function createShareChart(container, series, data, height) {
  const plot = new uPlot(
    {
      width: Math.max(200, container.clientWidth),
      height,
      scales: { x: { time: true }, y: { range: [0, 1] } },
      axes: [
        // Whole seconds at the finest: updates come once a second.
        {
          stroke: '#4a5361',
          grid: { stroke: '#e3e6eb' },
          incrs: [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800],
        },
        { stroke: '#4a5361', grid: { stroke: '#e3e6eb' }, size: 48, values: (u, values) => values.map(asPercent) },
      ],
      series: [{ label: t('series.time', {}, 'Time') }, ...series.map((s) => ({ ...s, spanGaps: false, value: (u, v) => asPercent(v) }))],
      cursor: { drag: { x: false, y: false } },
      legend: { live: true },
    },
    data,
    container,
  );
  return followingWidth(plot, container, height, 200);
}

/** The chart, resized to its container's width (at least minWidth) until destroyed. */
export function followingWidth(plot, container, height, minWidth) {
  const observer = new ResizeObserver(([entry]) => {
    const width = Math.max(minWidth, Math.floor(entry.contentRect.width));
    if (width !== plot.width) plot.setSize({ width, height });
  });
  observer.observe(container);
  return {
    plot,
    destroy() {
      observer.disconnect();
      plot.destroy();
    },
  };
}
