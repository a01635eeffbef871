import { callApi } from '../api.js';
import { Indicators, statusInfo, alertTypeLabel, score } from '../protocol.js';
import { h, setText, show, percent, elapsed, clockTime } from '../dom.js';
import { CONFUSION_SERIES, ENGAGEMENT_SERIES, createShareChart } from './charts.js';
import { wireCommands } from './commands.js';

/** Reads the server's stored history, whatever its exact wrapping, as [seconds, confusion, engagement]. */
function historyPoints(answer) {
  const list = Array.isArray(answer) ? answer : answer && (answer.history || answer.points || answer.entries);
  if (!Array.isArray(list)) return [];
  return list
    .filter((p) => p && typeof p.timestamp === 'number')
    .map((p) => [Math.round(p.timestamp / 1000), score(p.confusion), score(p.engagement)])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * One student in detail: which indicator drives the confusion score, a sparkline of the history,
 * their alerts, and commands to them alone. A modal dialog, so keyboard focus stays inside it and
 * Escape closes it.
 */
export class StudentDrilldown {
  #ui;
  #store;
  #alerts;
  #sessionId;
  #studentId = null;
  #chart = null;
  #fetched = new Set();

  constructor({ ui, store, socket, toast, sessionId }) {
    this.#ui = ui;
    this.#store = store;
    this.#sessionId = sessionId;
    ui.close.addEventListener('click', () => ui.dialog.close());
    ui.dialog.addEventListener('close', () => this.#onClose());
    wireCommands(ui.commands, socket, toast, () => this.#studentId && { studentId: this.#studentId, name: this.#store.nameOf(this.#studentId) });
  }

  set alerts(alertCenter) {
    this.#alerts = alertCenter;
  }

  get openStudentId() {
    return this.#studentId;
  }

  open(studentId) {
    if (!this.#store.students.has(studentId)) return;
    this.#studentId = studentId;
    this.#ui.dialog.dataset.studentId = studentId;
    if (!this.#ui.dialog.open) this.#ui.dialog.showModal();
    if (this.#chart) this.#chart.destroy();
    const record = this.#store.students.get(studentId);
    this.#chart = createShareChart(this.#ui.sparkline, [CONFUSION_SERIES, ENGAGEMENT_SERIES], record.history.columns, 110);
    this.render();
    this.#loadHistory(studentId);
  }

  render() {
    const id = this.#studentId;
    const student = id && this.#store.students.get(id);
    if (!student) return;
    const ui = this.#ui;
    const affect = this.#store.affectInference;
    const info = statusInfo(student.status);
    setText(ui.name, student.name);
    ui.status.dataset.status = student.status;
    setText(ui.status, `${info.glyph} ${info.label}`);
    const facts = [`ID ${student.id}`, `last frame ${elapsed(student.lastFrameAt ?? undefined)}`];
    if (student.faces !== null) facts.push(`faces in view: ${student.faces}`);
    setText(ui.meta, facts.join(' · '));
    setText(ui.scores, affect ? `Confusion ${percent(student.confusion)} · Engagement ${percent(student.engagement)}` : '');
    show(ui.affectOff, !affect);
    show(ui.indicatorSection, affect);
    show(ui.historySection, affect);
    if (affect) this.#renderIndicators(student.indicators);
    if (affect && this.#chart) this.#chart.plot.setData(student.history.columns);
    this.#renderAlerts(id);
  }

  #renderIndicators(indicators) {
    const rows = Indicators.map((indicator) => {
      const value = indicators ? score(indicators[indicator.key]) : null;
      return { ...indicator, value, contribution: value === null ? null : value * indicator.weight };
    });
    const driver = rows.reduce((best, row) => (row.contribution !== null && (best === null || row.contribution > best.contribution) ? row : best), null);
    this.#ui.indicators.replaceChildren(
      ...rows.map((row) =>
        h(
          'tr',
          { class: row === driver && row.contribution > 0 ? 'driver' : '', dataset: { indicator: row.key } },
          h('th', { scope: 'row', text: row.label }),
          h('td', { text: percent(row.value) }),
          h('td', { text: `× ${row.weight}` }),
          h(
            'td',
            {},
            h('span', { class: 'contribution-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round((row.contribution ?? 0) * 250)}%` })),
            h('span', { class: 'contribution-value', text: row.contribution === null ? '—' : row.contribution.toFixed(2) }),
          ),
        ),
      ),
    );
    setText(
      this.#ui.driver,
      driver && driver.contribution > 0
        ? `${driver.label} contributes most to the confusion score right now.`
        : indicators
          ? 'No indicator stands out right now.'
          : 'No indicator values received yet.',
    );
  }

  #renderAlerts(studentId) {
    const entries = this.#alerts ? this.#alerts.forStudent(studentId) : [];
    this.#ui.alertList.replaceChildren(
      ...entries.map((entry) =>
        h('li', {}, `${clockTime(entry.alert.timestamp)} · ${alertTypeLabel(entry.alert.alertType)}`, entry.ack ? ` · ${entry.ack.action.toLowerCase()}` : ' · open'),
      ),
    );
    show(this.#ui.noAlerts, entries.length === 0);
  }

  async #loadHistory(studentId) {
    if (this.#fetched.has(studentId)) return;
    this.#fetched.add(studentId);
    try {
      const answer = await callApi(
        'GET',
        `sessions/${encodeURIComponent(this.#sessionId)}/students/${encodeURIComponent(studentId)}/history`,
      );
      const record = this.#store.students.get(studentId);
      if (record) record.history.prepend(historyPoints(answer));
      if (this.#studentId === studentId) this.render();
    } catch {
      // The stored history is optional: the sparkline then shows what arrived live.
    }
  }

  #onClose() {
    this.#studentId = null;
    delete this.#ui.dialog.dataset.studentId;
    if (this.#chart) this.#chart.destroy();
    this.#chart = null;
  }
}
