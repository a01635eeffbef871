/**
 * Where the application lives. Pages may be deployed under any context root, so every URL is
 * resolved against the folder above js/, never against the origin.
 */
export const APP_BASE = new URL('../', import.meta.url);

/** An absolute http(s) URL of a path inside the application. */
export function appUrl(path) {
  return new URL(path, APP_BASE);
}

/**
 * An absolute ws(s) URL. Accepts a path relative to the application ("ws/student"), a path from the
 * origin ("/ws/student?..."), as a server may return it, or an absolute ws(s) URL.
 */
export function webSocketUrl(path, params = {}) {
  const url = new URL(path, APP_BASE);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) url.searchParams.set(name, value);
  }
  return url.href;
}

/** A query parameter of the current page, or null. */
export function pageParam(name) {
  return new URLSearchParams(window.location.search).get(name);
}

/** A numeric query parameter clamped to [min, max], or the fallback when absent or not a number. */
export function numberParam(name, fallback, min, max) {
  const raw = pageParam(name);
  const value = raw === null ? NaN : Number(raw);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
