// Builds elements without ever parsing HTML: text goes in as text nodes, so whatever a person typed
// is shown exactly as typed.
import { t } from './i18n.js';

/**
 * h('button', {t: 'room.raiseHand', onclick}, child...). Props: text (literal text), t / tArgs
 * (catalog key and its parameters), tLabel / tPlaceholder / tTitle (translated attributes),
 * class, on<event>, and any other attribute.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) {
      continue;
    }
    if (name === 'text') {
      el.textContent = String(value);
    } else if (name === 't') {
      el.dataset.i18n = value;
      if (props.tArgs) {
        el.dataset.i18nArgs = JSON.stringify(props.tArgs);
      }
      el.textContent = t(value, props.tArgs);
    } else if (name === 'tArgs') {
      continue;
    } else if (name === 'tLabel') {
      el.dataset.i18nLabel = value;
      el.setAttribute('aria-label', t(value));
    } else if (name === 'tPlaceholder') {
      el.dataset.i18nPlaceholder = value;
      el.setAttribute('placeholder', t(value));
    } else if (name === 'tTitle') {
      el.dataset.i18nTitle = value;
      el.setAttribute('title', t(value));
    } else if (name === 'class') {
      el.className = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'value' || name === 'checked' || name === 'disabled' || name === 'selected') {
      el[name] = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Sets a catalog key (and parameters) on an existing element. */
export function setText(el, key, args) {
  el.dataset.i18n = key;
  if (args) {
    el.dataset.i18nArgs = JSON.stringify(args);
  } else {
    delete el.dataset.i18nArgs;
  }
  el.textContent = t(key, args);
}

/** A labelled form field: the label names the control for screen readers and clicks. */
export function field(labelKey, control, hintKey) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 10)}`;
  control.id = id;
  return h('div', { class: 'field' },
    h('label', { for: id, t: labelKey }),
    control,
    hintKey ? h('small', { class: 'hint', t: hintKey }) : null);
}

/** A short message at the bottom of the screen, read out by screen readers. */
export function toast(key, args, kind = 'info') {
  let box = document.getElementById('toasts');
  if (!box) {
    box = h('div', { id: 'toasts', class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.append(box);
  }
  const item = h('div', { class: `toast toast-${kind}`, t: key, tArgs: args });
  box.append(item);
  setTimeout(() => item.remove(), 6000);
}
