import { appUrl } from './app.js';

/**
 * The pages' languages, through a message catalogue per language (i18n/<lang>.json: flat keys,
 * {name} placeholders, the texts every page shares and the student and home pages'), and one per
 * language for each area of pages that needs more (i18n/<area>/<lang>.json: the teacher's dashboard,
 * the review pages), so that a student's browser loads only what the student page says. The language is the first of: ?lang= in the URL, the visitor's choice kept
 * in this browser, the browser's own languages (by primary subtag: de-AT reads German), the
 * deployment's default (GET api/v1/languages), English. Elements marked data-i18n="key" get their
 * text from the catalogue, data-i18n-attr="attribute:key;..." their attributes.
 *
 * A key the chosen catalogue lacks reads English: the English catalogue, else the English the
 * caller passes (t(key, params, english)) or the markup already has, else the key itself. A page
 * that never calls initI18n loads no catalogue and reads English as written in the code.
 */

const SUPPORTED = ['en', 'de'];
const ENGLISH = 'en';
const CHOICE_KEY = 'smartsession.lang';
let language = ENGLISH;
/** The locale dates and numbers follow: the browser's own tag when it is of this language (en-GB). */
let locale = ENGLISH;
let catalogue = {};
let english = {};
/** Counts loads, so that of two quick switches the later one wins whichever catalogue comes first. */
let loads = 0;
/** The areas whose catalogues this page loads besides the shared one. */
let areas = [];
const catalogues = new Map();
const listeners = [];
/** The {name} values of elements whose data-i18n text has placeholders, for each re-render. */
const paramsOf = new WeakMap();

function supported(tag) {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return SUPPORTED.includes(primary) ? primary : null;
}

function browserLanguages() {
  const tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  return tags.filter((tag) => typeof tag === 'string' && tag);
}

function localeFor(lang) {
  const own = browserLanguages().find((tag) => supported(tag) === lang);
  try {
    return own ? Intl.getCanonicalLocales(own)[0] : lang;
  } catch {
    return lang;
  }
}

async function deploymentDefault() {
  try {
    const answer = await fetch(appUrl('api/v1/languages'), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (answer.ok) return supported((await answer.json()).fallback);
  } catch {
    // No answer: English.
  }
  return null;
}

function storedChoice() {
  try {
    return supported(localStorage.getItem(CHOICE_KEY));
  } catch {
    return null;
  }
}

async function chooseLanguage() {
  const fromUrl = supported(new URLSearchParams(window.location.search).get('lang'));
  if (fromUrl) return fromUrl;
  const chosen = storedChoice();
  if (chosen) return chosen;
  for (const tag of browserLanguages()) {
    const match = supported(tag);
    if (match) return match;
  }
  return (await deploymentDefault()) || ENGLISH;
}

function fetchJson(path) {
  return fetch(appUrl(path), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then((answer) => (answer.ok ? answer.json() : {}))
    .then((data) => (data && typeof data === 'object' && !Array.isArray(data) ? data : {}))
    .catch(() => ({}));
}

/**
 * A language's catalogue for this page, fetched once: the shared one and each area's, merged.
 * Same-origin JSON, which connect-src 'self' allows.
 */
function fetchCatalogue(lang) {
  if (!catalogues.has(lang)) {
    const paths = [`i18n/${lang}.json`, ...areas.map((area) => `i18n/${area}/${lang}.json`)];
    const loaded = Promise.all(paths.map(fetchJson)).then((parts) => Object.assign({}, ...parts));
    catalogues.set(lang, loaded);
  }
  return catalogues.get(lang);
}

async function load(lang) {
  const ticket = ++loads;
  const [chosen, fallback] = await Promise.all([fetchCatalogue(lang), fetchCatalogue(ENGLISH)]);
  if (ticket !== loads) return;
  catalogue = chosen;
  english = fallback;
  language = lang;
  locale = localeFor(lang);
  document.documentElement.lang = lang;
  applyTranslations(document);
  for (const listener of listeners) listener(lang);
}

/**
 * Picks the language and translates the page; resolves when done (never rejects). pageAreas names
 * the catalogues beyond the shared one that this page's texts are in (["dashboard"]).
 */
export async function initI18n(pageAreas = []) {
  areas = [...pageAreas];
  catalogues.clear();
  const lang = await chooseLanguage();
  if (loads === 0) await load(lang); // else the visitor chose with the switch meanwhile
}

/**
 * The visitor's choice: kept in this browser, applied to the page at once. A ?lang= in the address
 * follows it, since it comes first: a reload keeps the choice.
 */
export async function setLanguage(lang) {
  const match = supported(lang) || ENGLISH;
  try {
    localStorage.setItem(CHOICE_KEY, match);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang') && url.searchParams.get('lang') !== match) {
    url.searchParams.set('lang', match);
    history.replaceState(history.state, '', url);
  }
  await load(match);
}

/** Calls back after each change of language (to redraw text built in code). */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** The page's language: a primary tag such as "en" or "de". */
export function currentLanguage() {
  return language;
}

function lookup(key) {
  if (typeof catalogue[key] === 'string') return catalogue[key];
  if (typeof english[key] === 'string') return english[key];
  return null;
}

function placeholderValue(value) {
  if (typeof value === 'function') return placeholderValue(value());
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/**
 * The text of key with its {name} placeholders filled from params; the English fallback when no
 * catalogue has the key, the key when there is none. Numbers are written in the page's locale; a
 * function is called each time the text is rendered (a time that follows the language).
 */
export function t(key, params = {}, fallback = key) {
  const pattern = lookup(key) ?? fallback ?? key;
  const values = params || {};
  return String(pattern).replace(/\{(\w+)\}/g, (whole, name) =>
    Object.hasOwn(values, name) && values[name] !== undefined && values[name] !== null
      ? placeholderValue(values[name])
      : whole,
  );
}

function marked(root, selector) {
  const found = [...root.querySelectorAll(selector)];
  if (root.matches && root.matches(selector)) found.unshift(root);
  return found;
}

/**
 * Fills the marked elements in root (the page by default) from the catalogue; an element keeps its
 * own English (the markup's, or the one setTranslated gave it) where no catalogue has its key.
 */
export function applyTranslations(root = document) {
  for (const element of marked(root, '[data-i18n]')) {
    if (element.dataset.i18nEnglish === undefined) element.dataset.i18nEnglish = element.textContent;
    const text = t(element.dataset.i18n, paramsOf.get(element), element.dataset.i18nEnglish);
    if (element.textContent !== text) element.textContent = text;
  }
  for (const element of marked(root, '[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (!attribute || !key) continue;
      const kept = `i18nEnglish${attribute.replace(/[^a-z]/gi, '')}`;
      if (element.dataset[kept] === undefined) element.dataset[kept] = element.getAttribute(attribute) ?? '';
      element.setAttribute(attribute, t(key, {}, element.dataset[kept]));
    }
  }
}

/**
 * Gives an element the text of key, with params, and keeps them on it so that a change of language
 * redraws it. english (with the same placeholders) is the text until a catalogue has the key.
 */
export function setTranslated(element, key, english, params) {
  if (!element) return;
  element.dataset.i18n = key;
  element.dataset.i18nEnglish = english;
  if (params) paramsOf.set(element, params);
  else paramsOf.delete(element);
  const text = t(key, params, english);
  if (element.textContent !== text) element.textContent = text;
}

/** Gives an element text that is not the page's to translate (a name, the server's words). */
export function setUntranslated(element, text) {
  if (!element) return;
  delete element.dataset.i18n;
  delete element.dataset.i18nEnglish;
  paramsOf.delete(element);
  const value = String(text);
  if (element.textContent !== value) element.textContent = value;
}

/** A language switch: a <select> whose options are language tags; it may be wired before initI18n. */
export function wireLanguageSwitch(select) {
  if (!select) return;
  select.value = language;
  onLanguageChange((lang) => {
    select.value = lang;
  });
  select.addEventListener('change', () => setLanguage(select.value));
}

function dateOf(value) {
  return value instanceof Date ? value : new Date(value);
}

/** A time of day in the page's locale (hours and minutes unless options say otherwise). */
export function formatTime(ms, options = { hour: '2-digit', minute: '2-digit' }) {
  return new Intl.DateTimeFormat(locale, options).format(dateOf(ms));
}

/** A date in the page's locale ("2 Dec 2026", "2. Dez. 2026" unless options say otherwise). */
export function formatDate(ms, options = { dateStyle: 'medium' }) {
  return new Intl.DateTimeFormat(locale, options).format(dateOf(ms));
}

/** A number in the page's locale (0.5 reads "0,5" in German). */
export function formatNumber(value, options = {}) {
  return new Intl.NumberFormat(locale, options).format(value);
}
