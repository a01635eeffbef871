/**
 * Builds an element. Children that are strings or numbers become text nodes, so data is never
 * parsed as HTML. props: class, text, dataset, style (an object of style properties, set through
 * the element's style, which the pages' Content-Security-Policy allows where a style attribute is
 * refused), on (event handlers), and any attribute.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'style') Object.assign(element.style, value);
    else if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    } else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(typeof child === 'object' ? child : String(child));
  }
}

/** Sets text only when it changed, sparing the layout engine needless work. */
export function setText(element, text) {
  const value = String(text);
  if (element.textContent !== value) element.textContent = value;
}

/** Shows or hides an element with the hidden attribute. */
export function show(element, visible = true) {
  element.hidden = !visible;
}

export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing element #${id}`);
  return element;
}

/** 0.42 → "42%"; absent → an em dash. */
export function percent(value) {
  return typeof value === 'number' && Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—';
}

/** Elapsed time in words a teacher can read at a glance: "now", "12 s", "3 min", "2 h". */
export function elapsed(sinceMs, nowMs = Date.now()) {
  if (typeof sinceMs !== 'number' || !Number.isFinite(sinceMs)) return 'never';
  const seconds = Math.max(0, Math.round((nowMs - sinceMs) / 1000));
  if (seconds < 2) return 'now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}

export function clockTime(ms) {
  if (typeof ms !== 'number') return '';
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Only data URLs of images may become an img's source. */
export function isImageDataUrl(value) {
  return typeof value === 'string' && /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/.test(value);
}
