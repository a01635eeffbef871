import { AckAction, alertAcknowledged, alertTypeLabel } from '../protocol.js';
import { h, setText, show, clockTime, percent, isImageDataUrl } from '../dom.js';

const MAX_LISTED = 100;
const MAX_KEPT = 500;

/** The server confirms an acknowledgement to every teacher; without that word by then, ours stands. */
const ACK_CONFIRM_MS = 10000;

const ACTION_WORDS = { REVIEWED: 'Reviewed', DISMISSED: 'Dismissed' };

function describeAck(ack) {
  const who = ack.by ? ` by ${ack.by}` : '';
  const when = ack.at ? ` at ${clockTime(ack.at)}` : '';
  if (ack.pending) return `${ACTION_WORDS[ack.action]} (sending…)`;
  return `${ACTION_WORDS[ack.action] ?? ack.action}${who}${when}`;
}

/** "Raised 3 times, last at 10:42:07" for an alert whose condition came back while it was open. */
function describeRepeats(alert) {
  if (!Number.isInteger(alert.count) || alert.count < 2) return '';
  const last = typeof alert.lastTimestamp === 'number' ? `, last at ${clockTime(alert.lastTimestamp)}` : '';
  return `Raised ${alert.count} times${last}`;
}

/**
 * Integrity alerts: shown at once in a banner and in a list, flagged on the student's tile, and
 * acknowledged as reviewed or dismissed. Acknowledgements by other teachers arrive from the server
 * and show the same way.
 */
export class AlertCenter {
  #alerts = new Map();
  #items = new Map();
  #ui;
  #state;
  #socket;
  #toast;
  #onShowStudent;
  #onRaised;
  #requestRender;
  #bannerAlertId = null;

  constructor({ ui, state, socket, toast, onShowStudent, requestRender, onRaised = () => {} }) {
    this.#onRaised = onRaised;
    this.#ui = ui;
    this.#state = state;
    this.#socket = socket;
    this.#toast = toast;
    this.#onShowStudent = onShowStudent;
    this.#requestRender = requestRender;
    ui.bannerReview.addEventListener('click', () => this.acknowledge(this.#bannerAlertId, AckAction.REVIEWED));
    ui.bannerDismiss.addEventListener('click', () => this.acknowledge(this.#bannerAlertId, AckAction.DISMISSED));
    ui.bannerShow.addEventListener('click', () => {
      const entry = this.#alerts.get(this.#bannerAlertId);
      if (entry) this.#onShowStudent(entry.alert.studentId);
    });
    ui.list.addEventListener('click', (event) => this.#onListClick(event));
    ui.list.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' || event.key === ' ') && event.target.matches('.alert-screenshot')) {
        event.preventDefault();
        event.target.classList.toggle('enlarged');
      }
    });
    this.#renderCount();
  }

  /**
   * Reconciles with the session's stored alerts (GET /sessions/{id}/alerts) after a (re)connect:
   * adds alerts raised while disconnected and takes over acknowledgements made meanwhile.
   */
  reconcile(stored) {
    if (!Array.isArray(stored)) return;
    for (const a of stored) {
      if (!a || typeof a.alertId !== 'string') continue;
      // The same shape as CRITICAL_ALERT, with the decision in the shape of ALERT_ACKNOWLEDGED.
      const ack = a.acknowledgement;
      this.receive(a, Boolean(ack));
      if (ack && typeof ack.action === 'string') {
        const entry = this.#alerts.get(a.alertId);
        if (entry && (!entry.ack || entry.ack.pending)) this.acknowledged({ alertId: a.alertId, ...ack });
      }
    }
  }

  /**
   * A CRITICAL_ALERT from the server; quiet ones (already handled elsewhere) skip the banner. A known
   * alert id again is its condition raised again: the alert counts it, and no banner repeats it.
   */
  receive(alert, quiet = false) {
    if (typeof alert.alertId !== 'string') return;
    const known = this.#alerts.get(alert.alertId);
    if (known) {
      this.#repeated(known, alert);
      return;
    }
    const entry = { alert, ack: null };
    this.#alerts.set(alert.alertId, entry);
    if (this.#alerts.size > MAX_KEPT) this.#alerts.delete(this.#alerts.keys().next().value);
    const item = this.#createItem(entry);
    this.#items.set(alert.alertId, item);
    this.#ui.list.prepend(item.element);
    while (this.#ui.list.children.length > MAX_LISTED) {
      const oldest = this.#ui.list.lastElementChild;
      this.#items.delete(oldest.dataset.alertId);
      oldest.remove();
    }
    this.#studentChanged(alert.studentId);
    if (!quiet) {
      this.#showBanner(entry);
      this.#onRaised(alert);
    }
    this.#renderCount();
  }

  #repeated(entry, update) {
    const count = Number.isInteger(update.count) ? update.count : 1;
    if (count <= (entry.alert.count ?? 1)) return;
    entry.alert = { ...entry.alert, count, lastTimestamp: update.lastTimestamp };
    const item = this.#items.get(entry.alert.alertId);
    if (item) setText(item.repeats, describeRepeats(entry.alert));
    if (this.#bannerAlertId === entry.alert.alertId) this.#showBanner(entry);
  }

  /** An ALERT_ACKNOWLEDGED from the server: this teacher's own, or another's. */
  acknowledged(message) {
    const entry = this.#alerts.get(message.alertId);
    if (!entry) return;
    entry.ack = {
      action: message.action,
      by: typeof message.acknowledgedBy === 'string' ? message.acknowledgedBy : null,
      at: typeof message.timestamp === 'number' ? message.timestamp : Date.now(),
      pending: false,
    };
    this.#afterAck(entry);
  }

  acknowledge(alertId, action) {
    const entry = this.#alerts.get(alertId);
    if (!entry || (entry.ack && !entry.ack.pending)) return;
    if (!this.#socket.send(alertAcknowledged(alertId, action))) {
      this.#toast('Not connected: the acknowledgement was not sent. Try again when the dashboard is connected.');
      return;
    }
    entry.ack = { action, by: 'you', at: Date.now(), pending: true };
    this.#afterAck(entry);
    setTimeout(() => {
      if (entry.ack && entry.ack.pending) {
        entry.ack.pending = false;
        this.#afterAck(entry);
      }
    }, ACK_CONFIRM_MS);
  }

  /** Alerts of one student, newest first. */
  forStudent(studentId) {
    return [...this.#alerts.values()].filter((entry) => entry.alert.studentId === studentId).reverse();
  }

  #afterAck(entry) {
    const item = this.#items.get(entry.alert.alertId);
    if (item) this.#fillAck(item, entry);
    this.#studentChanged(entry.alert.studentId);
    if (this.#bannerAlertId === entry.alert.alertId) this.#showBanner(this.#newestOpen());
    this.#renderCount();
  }

  #studentChanged(studentId) {
    let open = 0;
    for (const entry of this.#alerts.values()) if (entry.alert.studentId === studentId && !entry.ack) open += 1;
    this.#state.setOpenAlerts(studentId, open);
    this.#requestRender();
  }

  /** Takes a student's alerts off the page: their data was deleted. */
  forgetStudent(studentId) {
    for (const [alertId, entry] of this.#alerts) {
      if (entry.alert.studentId !== studentId) continue;
      this.#alerts.delete(alertId);
      this.#items.get(alertId)?.element.remove();
      this.#items.delete(alertId);
    }
    if (!this.#alerts.has(this.#bannerAlertId)) this.#showBanner(this.#newestOpen());
    this.#state.setOpenAlerts(studentId, 0);
    this.#renderCount();
    this.#requestRender();
  }

  #newestOpen() {
    let newest = null;
    for (const entry of this.#alerts.values()) if (!entry.ack) newest = entry;
    return newest;
  }

  #showBanner(entry) {
    const ui = this.#ui;
    if (!entry) {
      this.#bannerAlertId = null;
      show(ui.banner, false);
      return;
    }
    const { alert } = entry;
    this.#bannerAlertId = alert.alertId;
    ui.banner.dataset.alertId = alert.alertId;
    ui.banner.dataset.alertType = String(alert.alertType);
    setText(ui.bannerTitle, `${alertTypeLabel(alert.alertType)}: ${this.#state.nameOf(alert.studentId)}`);
    const reason = typeof alert.reason === 'string' ? alert.reason : '';
    setText(ui.bannerReason, [reason, describeRepeats(alert)].filter(Boolean).join(' · '));
    if (isImageDataUrl(alert.screenshot)) {
      ui.bannerScreenshot.src = alert.screenshot;
      show(ui.bannerScreenshot);
    } else {
      ui.bannerScreenshot.removeAttribute('src');
      show(ui.bannerScreenshot, false);
    }
    const others = [...this.#alerts.values()].filter((e) => !e.ack).length - 1;
    setText(ui.bannerMore, others > 0 ? `${others} more open alert${others === 1 ? '' : 's'} in the list.` : '');
    show(ui.banner);
  }

  #renderCount() {
    let open = 0;
    for (const entry of this.#alerts.values()) if (!entry.ack) open += 1;
    setText(this.#ui.count, this.#alerts.size ? `${open} open of ${this.#alerts.size}` : 'none yet');
    show(this.#ui.empty, this.#alerts.size === 0);
  }

  #createItem(entry) {
    const { alert } = entry;
    const details = [];
    if (typeof alert.reason === 'string' && alert.reason) details.push(alert.reason);
    if (typeof alert.durationMs === 'number' && alert.durationMs > 0) {
      details.push(`for ${Math.round(alert.durationMs / 1000)} s`);
    }
    if (typeof alert.confidence === 'number') details.push(`confidence ${percent(alert.confidence)}`);
    const screenshot = isImageDataUrl(alert.screenshot)
      ? h('img', {
          class: 'alert-screenshot',
          src: alert.screenshot,
          alt: `Camera picture when the alert was raised (${this.#state.nameOf(alert.studentId)})`,
          tabindex: '0',
          title: 'Click to enlarge',
        })
      : null;
    const ackStatus = h('p', { class: 'ack-status' });
    const repeats = h('p', { class: 'alert-repeats', text: describeRepeats(alert) });
    const actions = h(
      'div',
      { class: 'alert-actions' },
      h('button', { type: 'button', class: 'ack-button', dataset: { action: AckAction.REVIEWED }, text: 'Reviewed' }),
      h('button', {
        type: 'button',
        class: 'ack-button secondary',
        dataset: { action: AckAction.DISMISSED },
        text: 'Dismiss',
      }),
    );
    const element = h(
      'li',
      {
        class: 'alert-item',
        dataset: {
          alertId: alert.alertId,
          alertType: String(alert.alertType),
          studentId: alert.studentId,
          state: 'open',
        },
      },
      h(
        'div',
        { class: 'alert-head' },
        h('strong', { text: alertTypeLabel(alert.alertType) }),
        ' · ',
        h('button', { type: 'button', class: 'link-button show-student', text: this.#state.nameOf(alert.studentId) }),
        h('time', { class: 'alert-time', text: clockTime(alert.timestamp) }),
      ),
      details.length ? h('p', { class: 'alert-details', text: details.join(' · ') }) : null,
      repeats,
      screenshot,
      actions,
      ackStatus,
    );
    const item = { element, actions, ackStatus, repeats };
    this.#fillAck(item, entry);
    return item;
  }

  #fillAck(item, entry) {
    const { ack } = entry;
    item.element.dataset.state = ack ? (ack.pending ? 'pending' : ack.action.toLowerCase()) : 'open';
    show(item.actions, !ack || ack.pending);
    for (const button of item.actions.querySelectorAll('button')) button.disabled = Boolean(ack && ack.pending);
    setText(item.ackStatus, ack ? describeAck(ack) : '');
  }

  #onListClick(event) {
    const item = event.target.closest('.alert-item');
    if (!item) return;
    const ackButton = event.target.closest('.ack-button');
    if (ackButton) this.acknowledge(item.dataset.alertId, ackButton.dataset.action);
    else if (event.target.closest('.show-student')) this.#onShowStudent(item.dataset.studentId);
    else if (event.target.closest('.alert-screenshot')) event.target.classList.toggle('enlarged');
  }
}
