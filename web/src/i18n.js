// Every string a person reads comes from these catalogs. Elements created by dom.js remember their
// key, so switching the language rewrites them in place; lists that format numbers listen to
// 'yantao:language' and render again.
import zh from './i18n/zh-CN.js';
import en from './i18n/en.js';

const catalogs = { 'zh-CN': zh, en };
const STORAGE_KEY = 'yantao.language';
let current = pickLanguage();

function pickLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && catalogs[saved]) {
    return saved;
  }
  for (const wanted of navigator.languages ?? [navigator.language]) {
    const lower = String(wanted).toLowerCase();
    if (lower.startsWith('zh')) {
      return 'zh-CN';
    }
    if (lower.startsWith('en')) {
      return 'en';
    }
  }
  return 'zh-CN';
}

export function language() {
  return current;
}

export const languages = Object.keys(catalogs);

/** The text for key with {name} placeholders filled in; the key itself shows a missing entry. */
export function t(key, params) {
  const text = catalogs[current][key] ?? catalogs['zh-CN'][key] ?? key;
  if (!params) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The message for an error code from the server, or a general one for codes without their own. */
export function errorText(code, fallbackKey = 'error.generic') {
  const key = `error.${code}`;
  return key in catalogs[current] ? t(key) : t(fallbackKey);
}

export function setLanguage(lang) {
  if (!catalogs[lang] || lang === current) {
    return;
  }
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  translate(document);
  window.dispatchEvent(new CustomEvent('yantao:language'));
}

/** Rewrites every element below root that carries a catalog key. */
export function translate(root) {
  document.documentElement.lang = current;
  document.title = t('app.title');
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n, el.dataset.i18nArgs ? JSON.parse(el.dataset.i18nArgs) : undefined);
  }
  for (const attr of ['label', 'placeholder', 'title']) {
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      const value = t(el.dataset[`i18n${attr[0].toUpperCase()}${attr.slice(1)}`]);
      el.setAttribute(attr === 'label' ? 'aria-label' : attr, value);
    }
  }
}

export function formatNumber(n) {
  return new Intl.NumberFormat(current).format(n);
}

export function formatTime(ms) {
  return new Intl.DateTimeFormat(current, { hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}
