// What every page has around it: the title bar with the language switch, and the connection state.
import { h, setText } from './dom.js';
import { language, languages, setLanguage } from './i18n.js';

export function topBar(...middle) {
  const select = h('select', { class: 'lang', tLabel: 'app.language', onchange: (e) => setLanguage(e.target.value) },
    languages.map((lang) => h('option', { value: lang, t: `language.${lang}`, selected: lang === language() })));
  return h('header', { class: 'topbar' },
    h('span', { class: 'brand', t: 'app.brand' }),
    h('div', { class: 'topbar-middle' }, middle),
    select);
}

/** The connection state: connected, reconnecting, or offline with the number of unsent changes. */
export function connectionBadge(live, unsent) {
  const badge = h('span', { class: 'conn', role: 'status', 'aria-live': 'polite', id: 'connection' });
  const render = () => {
    const count = unsent();
    badge.dataset.state = live.state;
    badge.dataset.unsent = String(count);
    if (live.state === 'connected') {
      setText(badge, count > 0 ? 'conn.saving' : 'conn.connected', { count });
    } else if (live.state === 'offline') {
      setText(badge, count > 0 ? 'conn.offlineUnsent' : 'conn.offline', { count });
    } else {
      setText(badge, count > 0 ? 'conn.reconnectingUnsent' : 'conn.reconnecting', { count });
    }
  };
  live.onState(render);
  badge.refresh = render;
  return badge;
}

export function fatal(root, key) {
  root.replaceChildren(topBar(), h('main', { class: 'page narrow' }, h('p', { class: 'error', role: 'alert', t: key })));
}
