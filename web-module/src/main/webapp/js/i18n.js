import { appUrl } from './app.js';

/**
 * The pages' languages, through a message catalogue per language (i18n/<lang>.json: flat keys,
 * {name} placeholders). The language is the first of: ?lang= in the URL, the visitor's choice kept
 * in this browser, the browser's own languages, the deployment's default (GET api/v1/languages),
 * English. Elements marked data-i18n="key" get their text from the catalogue, data-i18n-attr=
 * "attribute:key;..." their attributes. Until a catalogue is loaded, and for a key it lacks, the
 * English text the page already has (or the one the caller passes) stays: a page that never loads
 * a catalogue reads English.
 */

const SUPPORTED = ['en', 'de'];
const CHOICE_KEY = 'smartsession.lang';
let language = 'en';
let catalogue = {};
const listeners = [];

function supported(tag) {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split('-')[0];
  return SUPPORTED.includes(primary) ? primary : null;
}

async function deploymentDefault() {
  try {
    const answer = await fetch(appUrl('api/v1/languages'), { headers: { Accept: 'application/json' } });
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
  for (const tag of navigator.languages || [navigator.language]) {
    const match = supported(tag);
    if (match) return match;
  }
  return (await deploymentDefault()) || 'en';
}

async function load(lang) {
  try {
    const answer = await fetch(appUrl(`i18n/${lang}.json`));
    catalogue = answer.ok ? await answer.json() : {};
  } catch {
    catalogue = {};
  }
  language = lang;
  document.documentElement.lang = lang;
  applyTranslations(document);
  for (const listener of listeners) listener(lang);
}

/** Picks the language and translates the page; resolves when done (never rejects). */
export async function initI18n() {
  await load(await chooseLanguage());
}

/** The visitor's choice: kept in this browser, applied to the page at once. */
export async function setLanguage(lang) {
  const match = supported(lang) || 'en';
  try {
    localStorage.setItem(CHOICE_KEY, match);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await load(match);
}

/** Calls back after each change of language (to redraw text built in code). */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

export function currentLanguage() {
  return language;
}

/** The text of key with {name} placeholders filled; the fallback (English) if the catalogue lacks it. */
export function t(key, params = {}, fallback = key) {
  const pattern = typeof catalogue[key] === 'string' ? catalogue[key] : fallback;
  return pattern.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Fills marked elements below root from the catalogue; keeps their text where it has none. */
export function applyTranslations(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    const key = element.dataset.i18n;
    if (element.dataset.i18nEnglish === undefined) element.dataset.i18nEnglish = element.textContent;
    element.textContent = t(key, {}, element.dataset.i18nEnglish);
  }
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (!attribute || !key) continue;
      const kept = `i18nEnglish${attribute.replace(/[^a-z]/gi, '')}`;
      if (element.dataset[kept] === undefined) element.dataset[kept] = element.getAttribute(attribute) ?? '';
      element.setAttribute(attribute, t(key, {}, element.dataset[kept]));
    }
  }
}

/** A language switch: a <select> whose options are language tags. */
export function wireLanguageSwitch(select) {
  if (!select) return;
  select.value = language;
  onLanguageChange((lang) => {
    select.value = lang;
  });
  select.addEventListener('change', () => setLanguage(select.value));
}

/** Dates, times and numbers in the chosen language. */
export function formatTime(ms, options = { hour: '2-digit', minute: '2-digit' }) {
  return new Intl.DateTimeFormat(language, options).format(new Date(ms));
}

export function formatNumber(value, options = {}) {
  return new Intl.NumberFormat(language, options).format(value);
}

/** Gives an element the text of key (English as written here until a catalogue has it). */
export function setTranslated(element, key, english) {
  if (!element) return;
  element.dataset.i18n = key;
  element.dataset.i18nEnglish = english;
  element.textContent = t(key, {}, english);
}
