import { parseMessage } from './protocol.js';

export const ConnectionState = Object.freeze({
  CONNECTING: 'connecting',
  OPEN: 'open',
  WAITING: 'waiting',
  OFFLINE: 'offline',
  FAILED: 'failed',
  CLOSED: 'closed',
});

/** Close codes after which retrying cannot help: the server refused this client on purpose. */
const FATAL_CLOSE_CODES = new Set([1003, 1008]);

/**
 * A WebSocket that reconnects by itself with exponential backoff and jitter, and resumes with the
 * same URL (so the same student and session). It never queues: send() refuses while the socket is
 * closed or its buffer is filling, and the caller drops what it could not send.
 *
 * Events: "state" (detail: {state, attempt, retryAt, code, reason}), "message" (detail: the parsed
 * message), "invalid" (detail: the raw text of a frame that was not a protocol message).
 */
export class ReconnectingSocket extends EventTarget {
  #urlProvider;
  #options;
  #socket = null;
  #attempt = 0;
  #timer = null;
  #stableTimer = null;
  #stopped = true;
  #status = { state: ConnectionState.CLOSED, attempt: 0, retryAt: null, code: null, reason: '' };

  /**
   * @param urlProvider a function returning the URL, asked before every attempt
   * @param options minDelayMs, maxDelayMs, stableAfterMs (an open socket that lasted this long
   *     resets the backoff), maxBufferedBytes (send refuses above it)
   */
  constructor(urlProvider, options = {}) {
    super();
    this.#urlProvider = urlProvider;
    this.#options = {
      minDelayMs: 500,
      maxDelayMs: 30000,
      stableAfterMs: 5000,
      maxBufferedBytes: 256 * 1024,
      ...options,
    };
    window.addEventListener('online', () => {
      if (!this.#stopped && this.#socket === null) this.retryNow();
    });
  }

  get status() {
    return this.#status;
  }

  get isOpen() {
    return this.#socket !== null && this.#socket.readyState === WebSocket.OPEN;
  }

  /** True when a message sent now would go out at once rather than pile up in the buffer. */
  get canSend() {
    return this.isOpen && this.#socket.bufferedAmount <= this.#options.maxBufferedBytes;
  }

  start() {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#attempt = 0;
    this.#connect();
  }

  /** Closes for good (until start() is called again). */
  stop(code = 1000, reason = 'leaving') {
    this.#stopped = true;
    this.#clearTimers();
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      socket.onopen = socket.onclose = socket.onerror = socket.onmessage = null;
      if (socket.readyState <= WebSocket.OPEN) socket.close(code, reason);
    }
    this.#setStatus(ConnectionState.CLOSED, { code, reason: '' });
  }

  /** Skips the remaining wait (or recovers from a refusal) and connects now. */
  retryNow() {
    if (this.#socket !== null) return;
    this.#stopped = false;
    this.#clearTimers();
    this.#connect();
  }

  /**
   * Replaces an open connection by a new one at once, with the URL asked anew: for a URL that
   * changed (the student page's language). Nothing happens unless open: a connection still opening
   * would be cut off with an error in the console, and a wait asks for the URL again anyway.
   */
  reconnect() {
    if (this.#stopped || !this.isOpen) return;
    this.#clearTimers();
    const socket = this.#socket;
    this.#socket = null;
    socket.onopen = socket.onclose = socket.onerror = socket.onmessage = null;
    socket.close(1000, 'reconnecting');
    this.#attempt = 0;
    this.#connect();
  }

  /** Sends a message as JSON; false (and nothing sent) when it cannot go out now. */
  send(message) {
    if (!this.canSend) return false;
    this.#socket.send(JSON.stringify(message));
    return true;
  }

  #connect() {
    this.#setStatus(ConnectionState.CONNECTING, { attempt: this.#attempt });
    let socket;
    try {
      socket = new WebSocket(this.#urlProvider());
    } catch (error) {
      this.#scheduleRetry(null, String(error.message || error));
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      this.#setStatus(ConnectionState.OPEN, { attempt: this.#attempt });
      this.#stableTimer = setTimeout(() => {
        this.#attempt = 0;
      }, this.#options.stableAfterMs);
    };
    socket.onmessage = (event) => {
      const message = parseMessage(event.data);
      if (message) this.dispatchEvent(new CustomEvent('message', { detail: message }));
      else this.dispatchEvent(new CustomEvent('invalid', { detail: event.data }));
    };
    socket.onclose = (event) => {
      this.#socket = null;
      clearTimeout(this.#stableTimer);
      if (this.#stopped) return;
      if (FATAL_CLOSE_CODES.has(event.code)) {
        this.#stopped = true;
        this.#setStatus(ConnectionState.FAILED, {
          code: event.code,
          reason: event.reason || '', // the status words say "refused" when the server gave no reason
        });
        return;
      }
      this.#scheduleRetry(event.code, event.reason);
    };
  }

  #scheduleRetry(code, reason) {
    this.#attempt += 1;
    const ceiling = Math.min(this.#options.maxDelayMs, this.#options.minDelayMs * 2 ** (this.#attempt - 1));
    // Half fixed, half random: spreads the reconnects of a whole class after a server restart.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    const offline = navigator.onLine === false;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#connect();
    }, delay);
    this.#setStatus(offline ? ConnectionState.OFFLINE : ConnectionState.WAITING, {
      attempt: this.#attempt,
      retryAt: Date.now() + delay,
      code,
      reason: reason || '',
    });
  }

  #clearTimers() {
    clearTimeout(this.#timer);
    clearTimeout(this.#stableTimer);
    this.#timer = null;
  }

  #setStatus(state, details = {}) {
    this.#status = { state, attempt: 0, retryAt: null, code: null, reason: '', ...details };
    this.dispatchEvent(new CustomEvent('state', { detail: this.#status }));
  }
}
