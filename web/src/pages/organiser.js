// The organiser's page, reached by the link the server prints (/organiser#key=…): the key moves
// from the address into localStorage at once, so it is not left in the address bar or history.
import { api } from '../api.js';
import { fatal, topBar } from '../chrome.js';
import { field, fill, h, toast } from '../dom.js';
import { errorText, formatTime } from '../i18n.js';
import { organiserKey, saveOrganiserKey } from '../store.js';

export async function organiserPage(root) {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('key');
  if (fromLink) {
    saveOrganiserKey(fromLink);
    history.replaceState(null, '', '/organiser');
  }
  const key = organiserKey();
  if (!key) {
    fatal(root, 'organiser.noKey');
    return;
  }
  try {
    const me = await api('GET', '/api/me', { token: key });
    if (me.role !== 'organiser') {
      fatal(root, 'organiser.noKey');
      return;
    }
  } catch {
    fatal(root, 'organiser.noKey');
    return;
  }
  new Organiser(root, key).start();
}

class Organiser {
  constructor(root, key) {
    this.root = root;
    this.key = key;
  }

  call(method, path, body) {
    return api(method, path, { token: this.key, body });
  }

  start() {
    this.list = h('ul', { class: 'workshops', id: 'workshops' });
    this.detail = h('div', { id: 'workshop-detail' });
    this.root.replaceChildren(topBar(), h('main', { class: 'page organiser' },
      h('h1', { t: 'organiser.title' }),
      h('div', { class: 'organiser-grid' },
        h('section', { class: 'card', 'aria-labelledby': 'workshops-title' },
          h('h2', { id: 'workshops-title', t: 'organiser.workshops' }), this.list),
        this.createForm()),
      this.detail));
    this.load();
  }

  async load() {
    try {
      const { workshops } = await this.call('GET', '/api/workshops');
      fill(this.list, workshops.length ? workshops.map((w) => h('li', {},
        h('button', { type: 'button', class: 'link', text: w.title, onclick: () => this.show(w.id) }),
        h('span', { class: 'muted', text: ` ${w.joinCode} · ${formatTime(w.createdAt)}` })))
        : h('li', { class: 'empty', t: 'organiser.none' }));
    } catch (e) {
      toast('console.actionFailed', { reason: errorText(e.code) }, 'warn');
    }
  }

  createForm() {
    const title = h('input', { id: 'ws-title', maxlength: 200, required: true });
    const description = h('textarea', { id: 'ws-description', maxlength: 5000, rows: 2 });
    const themes = h('textarea', { id: 'ws-themes', rows: 3, tPlaceholder: 'organiser.themesPlaceholder' });
    const rooms = h('div', { class: 'room-rows', id: 'ws-rooms' });
    const addRow = () => rooms.append(this.roomRow(() => themeNames(themes.value)));
    themes.addEventListener('input', () => {
      for (const select of rooms.querySelectorAll('select')) {
        this.fillThemes(select, themeNames(themes.value));
      }
    });
    addRow();
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    const form = h('form', { class: 'card', id: 'create-workshop', 'aria-labelledby': 'create-title' },
      h('h2', { id: 'create-title', t: 'organiser.create' }),
      field('organiser.workshopTitle', title),
      field('organiser.description', description),
      field('organiser.themes', themes, 'organiser.themesHint'),
      h('h3', { t: 'organiser.rooms' }),
      rooms,
      h('button', { type: 'button', id: 'add-room-row', t: 'organiser.addRoom', onclick: addRow }),
      error,
      h('button', { type: 'submit', class: 'primary', t: 'organiser.createSubmit' }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      const body = { title: title.value.trim() };
      if (!body.title) {
        title.focus();
        return;
      }
      if (description.value.trim()) {
        body.description = description.value.trim();
      }
      const names = themeNames(themes.value);
      if (names.length) {
        body.themes = names.map((name) => ({ name }));
      }
      body.rooms = [...rooms.querySelectorAll('.room-row')].map((row) => readRoom(row)).filter(Boolean);
      try {
        const created = await this.call('POST', '/api/workshops', body);
        form.reset();
        fill(rooms);
        addRow();
        await this.load();
        this.show(created.id);
      } catch (e) {
        error.textContent = errorText(e.code);
        error.hidden = false;
      }
    });
    return form;
  }

  roomRow(themes) {
    const select = h('select', { class: 'room-theme' });
    this.fillThemes(select, themes());
    return h('fieldset', { class: 'room-row' },
      h('legend', { t: 'organiser.room' }),
      field('organiser.roomName', h('input', { class: 'room-name', maxlength: 100 })),
      field('organiser.roomTheme', select),
      field('organiser.question', h('textarea', { class: 'room-question', maxlength: 2000, rows: 2 })));
  }

  fillThemes(select, names) {
    const chosen = select.value;
    fill(select, h('option', { value: '', t: 'organiser.allThemes' }), names.map((name) => h('option', { value: name, text: name })));
    select.value = names.includes(chosen) ? chosen : '';
  }

  async show(workshopId) {
    let w;
    try {
      w = await this.call('GET', `/api/workshops/${encodeURIComponent(workshopId)}`);
    } catch (e) {
      toast('console.actionFailed', { reason: errorText(e.code) }, 'warn');
      return;
    }
    const themes = new Map(w.themes.map((th) => [th.id, th.name]));
    const links = h('ul', { class: 'invitation-links', id: 'invitation-links' });
    const role = h('select', { id: 'invite-role' },
      h('option', { value: 'facilitator', t: 'role.facilitator' }),
      h('option', { value: 'observer', t: 'role.observer' }));
    const roomChecks = w.rooms.map((room) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: room.id, class: 'invite-room' }), h('span', { text: room.name })));
    const invite = h('form', { class: 'card', id: 'invite-form', 'aria-labelledby': 'invite-title' },
      h('h3', { id: 'invite-title', t: 'organiser.invite' }),
      field('organiser.inviteRole', role),
      h('fieldset', {}, h('legend', { t: 'organiser.inviteRooms' }), roomChecks),
      h('button', { type: 'submit', class: 'primary', t: 'organiser.inviteSubmit' }),
      links);
    invite.addEventListener('submit', async (event) => {
      event.preventDefault();
      const rooms = [...invite.querySelectorAll('.invite-room:checked')].map((box) => box.value);
      try {
        const made = await this.call('POST', `/api/workshops/${encodeURIComponent(w.id)}/invitations`, { role: role.value, rooms });
        const input = h('input', { readonly: true, value: made.link, class: 'invitation-link', tLabel: 'organiser.invitationLink' });
        links.append(h('li', {}, h('span', { t: `role.${made.role}` }), input,
          h('button', { type: 'button', t: 'organiser.copy', onclick: () => {
            input.select();
            navigator.clipboard?.writeText(made.link).then(() => toast('organiser.copied'), () => {});
          } })));
      } catch (e) {
        toast('console.actionFailed', { reason: errorText(e.code) }, 'warn');
      }
    });

    const newRoom = this.roomRow(() => w.themes.map((th) => th.name));
    const addRoom = h('form', { class: 'card', id: 'add-room-form' },
      h('h3', { t: 'organiser.addRoomTitle' }), newRoom,
      h('button', { type: 'submit', class: 'primary', t: 'organiser.addRoomSubmit' }));
    addRoom.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = readRoom(newRoom);
      if (!body) {
        return;
      }
      try {
        await this.call('POST', `/api/workshops/${encodeURIComponent(w.id)}/rooms`, body);
        this.show(w.id);
      } catch (e) {
        toast('console.actionFailed', { reason: errorText(e.code) }, 'warn');
      }
    });

    const heading = h('h2', { id: 'detail-title', text: w.title });
    fill(this.detail, h('section', { class: 'card detail', 'aria-labelledby': 'detail-title' },
      heading,
      h('p', {}, h('span', { t: 'console.joinCode' }), ' ', h('strong', { class: 'join-code-small', text: w.joinCode })),
      h('p', { class: 'row' },
        h('a', { href: `/console?workshop=${encodeURIComponent(w.id)}`, class: 'button primary', id: 'open-console', t: 'organiser.openConsole' }),
        h('a', { href: `/report?workshop=${encodeURIComponent(w.id)}`, class: 'button', id: 'open-report', t: 'organiser.openReport' })),
      h('ul', { class: 'room-summary' }, w.rooms.map((room) => h('li', {},
        h('strong', { text: room.name }), ' ',
        h('span', { class: 'muted', text: room.themes.map((id) => themes.get(id) ?? id).join(' · ') }),
        room.question ? h('p', { text: room.question }) : null))),
      h('div', { class: 'organiser-grid' }, invite, addRoom)));
    heading.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
}

function themeNames(text) {
  return [...new Set(text.split(/[\n,，、;；]/).map((s) => s.trim()).filter(Boolean))];
}

function readRoom(row) {
  const name = row.querySelector('.room-name').value.trim();
  if (!name) {
    return null;
  }
  const body = { name };
  const theme = row.querySelector('.room-theme').value;
  if (theme) {
    body.theme = theme;
  }
  const question = row.querySelector('.room-question').value.trim();
  if (question) {
    body.question = question;
  }
  return body;
}
