import { appUrl } from './app.js';
import { t } from './i18n.js';

/** A failed REST call, carrying the server's {"error","message"} when it sent one. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** In the page's language where it loaded a catalogue (js/i18n.js), else in English as written here. */
function describeStatus(status) {
  if (status === 404) {
    return t('api.notFound', {}, 'Not found. The session may not exist, or the server does not offer this yet.');
  }
  if (status === 401 || status === 403) {
    return t('api.forbidden', {}, 'You are not allowed to do this. Please sign in again.');
  }
  if (status === 409) return t('api.conflict', {}, 'This conflicts with the current state. Please reload.');
  if (status >= 500) return t('api.serverError', {}, 'The server had a problem. Please try again in a moment.');
  return t('api.refused', { status: String(status) }, 'The server refused the request (HTTP {status}).');
}

/**
 * Calls the REST API under api/v1/ and returns the parsed JSON body (or null when empty).
 * options.headers adds request headers (for example Authorization).
 */
export async function callApi(method, path, body, options = {}) {
  const headers = { ...(options.headers || {}), Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(appUrl(`api/v1/${path}`), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      t('api.network', {}, 'The server could not be reached. Check your connection and try again.'),
    );
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const message = data && typeof data.message === 'string' ? data.message : describeStatus(response.status);
    const code = data && typeof data.error === 'string' ? data.error : `HTTP_${response.status}`;
    throw new ApiError(response.status, code, message);
  }
  if (data === undefined) {
    throw new ApiError(
      response.status,
      'BAD_RESPONSE',
      t('api.badResponse', {}, 'The server sent an answer this page does not understand.'),
    );
  }
  return data;
}
