import { setText, show, percent, elapsed } from '../dom.js';

/** The header line of a session: active of total, average confusion, confused and disengaged. */
export function renderSummary(ui, state, now = Date.now()) {
  const aggregate = state.aggregate;
  const affect = state.affectInference;
  show(ui.affectOff, !affect);
  show(ui.confusionItem, affect);
  show(ui.confusedItem, affect);
  if (!aggregate) {
    setText(ui.active, '—');
    setText(ui.updated, 'Waiting for the first update…');
    return;
  }
  setText(ui.active, `${aggregate.activeStudents ?? 0} of ${aggregate.totalStudents ?? 0}`);
  setText(ui.confusion, percent(aggregate.avgConfusion));
  setText(ui.confused, aggregate.confusedCount ?? 0);
  setText(ui.disengaged, aggregate.disengagedCount ?? 0);
  const age = now - state.lastUpdateAt;
  setText(ui.updated, age > 5000 ? `Last update ${elapsed(state.lastUpdateAt, now)}` : 'Live');
  ui.updated.dataset.stale = String(age > 5000);
}
