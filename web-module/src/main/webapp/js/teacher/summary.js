import { setText, show } from '../dom.js';
import { formatDate, formatNumber, formatTime, t } from '../i18n.js';

/**
 * The dashboard's numbers, times and elapsed times in the page's language and locale (js/i18n.js,
 * keys dashboard.*), for the header line, the tiles, the drill-down, the alerts and the lists. They
 * read the language when called: the dashboard draws again on a change of language.
 */

/** 0.42 → "42%" ("42 %" in German), rounded to a whole percent; absent → an em dash. */
export function percentText(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return formatNumber(Math.round(value * 100) / 100, { style: 'percent', maximumFractionDigits: 0 });
}

/** A count in the page's locale. */
export function countText(value) {
  return typeof value === 'number' && Number.isFinite(value) ? formatNumber(value) : String(value);
}

/** Elapsed time in words a teacher can read at a glance: "now", "12 s ago", "3 min ago", "2 h ago". */
export function agoText(sinceMs, nowMs = Date.now()) {
  if (typeof sinceMs !== 'number' || !Number.isFinite(sinceMs)) return t('dashboard.ago.never', {}, 'never');
  const seconds = Math.max(0, Math.round((nowMs - sinceMs) / 1000));
  if (seconds < 2) return t('dashboard.ago.now', {}, 'now');
  if (seconds < 60) return t('dashboard.ago.seconds', { count: seconds }, '{count} s ago');
  if (seconds < 3600) return t('dashboard.ago.minutes', { count: Math.floor(seconds / 60) }, '{count} min ago');
  return t('dashboard.ago.hours', { count: Math.floor(seconds / 3600) }, '{count} h ago');
}

/** A time of day to the second ("10:42:07"); "" when absent. */
export function clockText(ms) {
  if (typeof ms !== 'number') return '';
  try {
    return formatTime(ms, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  } catch {
    return String(new Date(ms));
  }
}

/** A date and time to the second, as the browser writes them by default in the page's locale. */
export function dateTimeText(value) {
  try {
    return formatDate(value, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return String(new Date(value)); // "Invalid Date", as the browser writes an absent date
  }
}

/** The header line of a session: active of total, average confusion, confused and disengaged. */
export function renderSummary(ui, state, now = Date.now()) {
  const aggregate = state.aggregate;
  const affect = state.affectInference;
  show(ui.affectOff, !affect);
  show(ui.analysisReduced, Boolean(state.analysis));
  if (state.analysis) {
    setText(
      ui.analysisReduced,
      t(
        'dashboard.summary.analysisReduced',
        { since: clockText(state.analysis.since), fps: formatNumber(state.analysis.fps) },
        'Analysis reduced since {since}: the server is busy and asks students for at most {fps} pictures a second.',
      ),
    );
  }
  show(ui.confusionItem, affect);
  show(ui.confusedItem, affect);
  if (!aggregate) {
    setText(ui.active, '—');
    setText(ui.updated, t('dashboard.summary.waiting', {}, 'Waiting for the first update…'));
    return;
  }
  setText(
    ui.active,
    t(
      'dashboard.summary.activeOf',
      { active: aggregate.activeStudents ?? 0, total: aggregate.totalStudents ?? 0 },
      '{active} of {total}',
    ),
  );
  setText(ui.confusion, percentText(aggregate.avgConfusion));
  setText(ui.confused, countText(aggregate.confusedCount ?? 0));
  setText(ui.disengaged, countText(aggregate.disengagedCount ?? 0));
  const age = now - state.lastUpdateAt;
  setText(
    ui.updated,
    age > 5000
      ? t('dashboard.summary.lastUpdate', { ago: agoText(state.lastUpdateAt, now) }, 'Last update {ago}')
      : t('dashboard.summary.live', {}, 'Live'),
  );
  ui.updated.dataset.stale = String(age > 5000);
}
