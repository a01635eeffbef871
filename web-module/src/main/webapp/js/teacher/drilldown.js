import { callApi } from '../api.js';
import { formatNumber, onLanguageChange, t } from '../i18n.js';
import { Indicators, statusInfo, alertTypeLabel, score } from '../protocol.js';
import { h, setText, show } from '../dom.js';
import { CONFUSION_SERIES, ENGAGEMENT_SERIES, createShareChart } from './charts.js';
import { wireCommands } from './commands.js';
import { timelineHref } from './review-links.js';
import { agoText, clockText, percentText } from './summary.js';

/** Reads the server's stored history, whatever its exact wrapping, as [seconds, confusion, engagement]. */
function historyPoints(answer) {
  const list = Array.isArray(answer) ? answer : answer && (answer.history || answer.points || answer.entries);
  if (!Array.isArray(list)) return [];
  return list
    .filter((p) => p && typeof p.timestamp === 'number')
    .map((p) => [Math.round(p.timestamp / 1000), score(p.confusion), score(p.engagement)])
    .sort((a, b) => a[0] - b[0]);
}

/** 0.3 → "0.3" ("0,3" in German), 0.125 → "0.125": a weight as the deployer wrote it, without float noise. */
function formatWeight(weight) {
  // + 0 turns a -0 into 0, which Intl would write with its sign.
  return formatNumber(Math.round(weight * 1000) / 1000 + 0, { maximumFractionDigits: 3, useGrouping: false });
}

/** A decision on an alert, in a word of the page's language. */
function ackWord(action) {
  if (action === 'REVIEWED') return t('dashboard.drill.alertReviewed', {}, 'reviewed');
  if (action === 'DISMISSED') return t('dashboard.drill.alertDismissed', {}, 'dismissed');
  return String(action).toLowerCase();
}

/** A contribution as a bar, drawn to the largest one possible, and as a number. */
function contributionCell(contribution, widest) {
  const width = contribution === null || widest <= 0 ? 0 : Math.min(100, Math.round((contribution / widest) * 100));
  return h(
    'td',
    {},
    h('span', { class: 'contribution-bar', 'aria-hidden': 'true' }, h('span', { style: { width: `${width}%` } })),
    h('span', {
      class: 'contribution-value',
      // + 0 turns a -0 into 0, which Intl would write with its sign.
      text:
        contribution === null
          ? '—'
          : formatNumber(contribution + 0, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }),
    }),
  );
}

/**
 * One student in detail: which indicator drives the confusion score, a sparkline of the history,
 * their alerts, and commands to them alone. A modal dialog, so keyboard focus stays inside it and
 * Escape closes it. A change of language draws it again, the sparkline's legend included.
 */
export class StudentDrilldown {
  #ui;
  #state;
  #alerts;
  #sessionId;
  #studentId = null;
  #scoring = null;
  #chart = null;
  #fetched = new Set();

  constructor({ ui, state, socket, toast, sessionId }) {
    this.#ui = ui;
    this.#state = state;
    this.#sessionId = sessionId;
    ui.close.addEventListener('click', () => ui.dialog.close());
    ui.dialog.addEventListener('close', () => this.#onClose());
    const target = () => this.#studentId && { studentId: this.#studentId, name: this.#state.nameOf(this.#studentId) };
    wireCommands(ui.commands, socket, toast, target);
    ui.erase.addEventListener('click', () => this.#erase(toast));
    onLanguageChange(() => {
      const record = this.#studentId && this.#state.students.get(this.#studentId);
      if (!record) return;
      this.#createChart(record);
      this.render();
    });
  }

  /** A data-subject erasure: everything kept of the student goes, here and on the server. */
  async #erase(toast) {
    const studentId = this.#studentId;
    if (!studentId) return;
    const name = this.#state.nameOf(studentId);
    const ask = t('dashboard.drill.eraseConfirm', { name }, 'Delete everything kept of {name}? This cannot be undone.');
    if (!window.confirm(ask)) return;
    try {
      await callApi('DELETE', `sessions/${encodeURIComponent(this.#sessionId)}/students/${encodeURIComponent(studentId)}`);
    } catch (failure) {
      toast(
        t(
          'dashboard.drill.eraseFailed',
          { message: failure.message },
          "Could not delete the student's data: {message}",
        ),
      );
      return;
    }
    this.#ui.dialog.close();
    this.#state.forget(studentId);
    this.#alerts?.forgetStudent(studentId);
    toast(t('dashboard.drill.erased', { name }, "{name}'s data was deleted."));
  }

  set alerts(alertCenter) {
    this.#alerts = alertCenter;
  }

  /**
   * The session's scoring (scoringOf of its view), or null while it is not known: then the
   * indicators are shown without weights or contributions.
   */
  set scoring(scoring) {
    this.#scoring = scoring || null;
    if (this.#studentId) this.render();
  }

  get openStudentId() {
    return this.#studentId;
  }

  open(studentId) {
    if (!this.#state.students.has(studentId)) return;
    this.#studentId = studentId;
    this.#ui.dialog.dataset.studentId = studentId;
    // The student's whole session, alerts with pictures and notes, on a page of its own.
    if (this.#ui.timelineLink) this.#ui.timelineLink.href = timelineHref(this.#sessionId, studentId);
    if (!this.#ui.dialog.open) this.#ui.dialog.showModal();
    this.#createChart(this.#state.students.get(studentId));
    this.render();
    this.#loadHistory(studentId);
  }

  /** The sparkline, its legend in the page's language as it is now. */
  #createChart(record) {
    if (this.#chart) this.#chart.destroy();
    this.#chart = createShareChart(
      this.#ui.sparkline,
      [CONFUSION_SERIES, ENGAGEMENT_SERIES],
      record.history.columns,
      110,
    );
  }

  render() {
    const id = this.#studentId;
    const student = id && this.#state.students.get(id);
    if (!student) return;
    const ui = this.#ui;
    const affect = this.#state.affectInference;
    const info = statusInfo(student.status);
    setText(ui.name, student.name);
    ui.status.dataset.status = student.status;
    setText(ui.status, `${info.glyph} ${info.label}`);
    const facts = [
      t('dashboard.drill.id', { id: student.id }, 'ID {id}'),
      t('dashboard.drill.lastFrame', { ago: agoText(student.lastFrameAt ?? undefined) }, 'last frame {ago}'),
    ];
    if (student.faces !== null) {
      facts.push(t('dashboard.drill.faces', { count: student.faces }, 'faces in view: {count}'));
    }
    setText(ui.meta, facts.join(' · '));
    setText(
      ui.scores,
      affect
        ? t(
            'dashboard.drill.scores',
            { confusion: percentText(student.confusion), engagement: percentText(student.engagement) },
            'Confusion {confusion} · Engagement {engagement}',
          )
        : '',
    );
    show(ui.affectOff, !affect);
    show(ui.indicatorSection, affect);
    show(ui.historySection, affect);
    if (affect) this.#renderIndicators(student.indicators);
    if (affect && this.#chart) this.#chart.plot.setData(student.history.columns);
    this.#renderAlerts(id);
  }

  #renderIndicators(indicators) {
    const ui = this.#ui;
    const scoring = this.#scoring;
    const weights = scoring ? scoring.weights : {};
    // The bars are drawn to the largest contribution any indicator could make.
    const widest = Math.max(0, ...Object.values(weights));
    const rows = Indicators.map((indicator) => {
      const value = indicators ? score(indicators[indicator.key]) : null;
      const weight = Object.hasOwn(weights, indicator.key) ? weights[indicator.key] : null;
      const contribution = value === null || weight === null ? null : value * weight;
      return { ...indicator, value, weight, contribution };
    });
    const driver = rows
      .filter((row) => row.contribution !== null)
      .reduce((best, row) => (best === null || row.contribution > best.contribution ? row : best), null);
    show(ui.weightColumn, scoring !== null);
    show(ui.contributionColumn, scoring !== null);
    ui.indicators.replaceChildren(
      ...rows.map((row) =>
        h(
          'tr',
          { class: row === driver && row.contribution > 0 ? 'driver' : '', dataset: { indicator: row.key } },
          h('th', { scope: 'row', text: row.label }),
          h('td', { text: percentText(row.value) }),
          scoring && h('td', { text: row.weight === null ? '—' : `× ${formatWeight(row.weight)}` }),
          scoring && contributionCell(row.contribution, widest),
        ),
      ),
    );
    let explanation;
    if (!scoring) {
      explanation = t(
        'dashboard.drill.weightsUnknown',
        {},
        'The weights of this session are not known, so no contributions are shown.',
      );
    } else if (driver && driver.contribution > 0) {
      explanation = t(
        'dashboard.drill.driver',
        { indicator: driver.label },
        '{indicator} contributes most to the confusion score right now.',
      );
    } else if (indicators) {
      explanation = t('dashboard.drill.noDriver', {}, 'No indicator stands out right now.');
    } else {
      explanation = t('dashboard.drill.noIndicators', {}, 'No indicator values received yet.');
    }
    setText(ui.driver, explanation);
    const threshold = scoring ? scoring.confusedAbove : null;
    const thresholdText = t(
      'dashboard.drill.threshold',
      { percent: percentText(threshold) },
      'A student is shown as confused once the confusion score stays above {percent}.',
    );
    setText(ui.threshold, threshold === null ? '' : thresholdText);
    show(ui.threshold, threshold !== null);
  }

  #renderAlerts(studentId) {
    const entries = this.#alerts ? this.#alerts.forStudent(studentId) : [];
    this.#ui.alertList.replaceChildren(
      ...entries.map((entry) =>
        h(
          'li',
          {},
          `${clockText(entry.alert.timestamp)} · ${alertTypeLabel(entry.alert.alertType)}`,
          ` · ${entry.ack ? ackWord(entry.ack.action) : t('dashboard.drill.alertOpen', {}, 'open')}`,
        ),
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
      const record = this.#state.students.get(studentId);
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
