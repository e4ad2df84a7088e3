// The facilitator console: every room of the workshop at a glance (the console endpoint, polled,
// plus each room's live channel), timers, broadcasts, opening and closing rooms, who is in which
// room, raised hands, and the join code with its QR code for the projector.
import QRCode from 'qrcode';
import { api } from '../api.js';
import { connectionBadge, topBar } from '../chrome.js';
import { field, fill, h, setText, toast } from '../dom.js';
import { DOCUMENT_FORMATS, IDEA_FORMATS, downloadButtons } from '../download.js';
import { errorText, formatNumber, formatTime, t } from '../i18n.js';
import { Live } from '../live.js';
import { clock, remainingMs } from '../timer.js';
import { forgetIdentity, organiserKey } from '../store.js';
import { openStaffWorkshop } from './staff.js';

const POLL_MS = 5000;

export async function consolePage(root) {
  const opened = await openStaffWorkshop(root);
  if (opened) {
    new Console(root, opened.token, opened.workshop).start();
  }
}

class Console {
  constructor(root, token, workshop) {
    this.root = root;
    this.token = token;
    this.workshop = workshop;
    this.live = new Live(token);
    this.rooms = new Map(workshop.rooms.map((room) => [room.id, { room, live: null, stats: null }]));
    this.participants = [];
  }

  base() {
    return `/api/workshops/${encodeURIComponent(this.workshop.id)}`;
  }

  async call(method, path, body, doneKey) {
    try {
      const result = await api(method, `${this.base()}${path}`, { token: this.token, body });
      if (doneKey) {
        toast(doneKey);
      }
      return result;
    } catch (e) {
      toast('console.actionFailed', { reason: errorText(e.code) }, 'warn');
      return null;
    }
  }

  start() {
    const w = this.workshop;
    const joinUrl = `${location.origin}/j/${encodeURIComponent(w.joinCode)}`;
    this.qr = h('canvas', { class: 'qr', id: 'join-qr', role: 'img', tLabel: 'console.qrLabel' });
    QRCode.toCanvas(this.qr, joinUrl, { width: 220, margin: 1, errorCorrectionLevel: 'M' }).catch(() => {});
    const projector = h('dialog', { class: 'projector', id: 'projector' });
    const bigQr = h('canvas', { class: 'qr-big', role: 'img', tLabel: 'console.qrLabel' });
    projector.append(
      h('p', { class: 'projector-title', text: w.title }),
      bigQr,
      h('p', { class: 'projector-hint', t: 'console.projectorHint', tArgs: { url: `${location.origin}/` } }),
      h('p', { class: 'projector-code', text: w.joinCode }),
      h('button', { type: 'button', t: 'console.closeProjector', onclick: () => projector.close() }));

    this.badge = connectionBadge(this.live, () => 0);
    this.table = h('tbody', { id: 'rooms-body' });
    this.participantsBody = h('tbody', { id: 'participants-body' });

    const allSeconds = h('input', { type: 'number', min: 1, max: 240, value: 10, id: 'all-minutes', class: 'minutes' });
    const broadcastText = h('textarea', { id: 'broadcast-text-input', maxlength: 500, rows: 2 });
    const broadcastTarget = h('select', { id: 'broadcast-target' },
      h('option', { value: '', t: 'console.allRooms' }),
      w.rooms.map((room) => h('option', { value: room.id, text: room.name })));
    const broadcastForm = h('form', { class: 'card', id: 'broadcast-form', 'aria-labelledby': 'broadcast-title' },
      h('h2', { id: 'broadcast-title', t: 'console.broadcastTitle' }),
      field('console.broadcastText', broadcastText),
      h('div', { class: 'row' }, field('console.broadcastTo', broadcastTarget),
        h('button', { type: 'submit', class: 'primary', t: 'console.send' })));
    broadcastForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = broadcastText.value.trim();
      if (!text) {
        broadcastText.focus();
        return;
      }
      const body = { text };
      if (broadcastTarget.value) {
        body.room = broadcastTarget.value;
      }
      if (await this.call('POST', '/broadcasts', body, 'console.broadcastSent')) {
        broadcastText.value = '';
      }
    });

    const allTimer = h('section', { class: 'card', 'aria-labelledby': 'all-timer-title' },
      h('h2', { id: 'all-timer-title', t: 'console.allTimers' }),
      h('div', { class: 'row' }, field('console.minutes', allSeconds),
        this.timerButtons((action) => this.call('POST', '/timer', { action, seconds: Math.round(Number(allSeconds.value || 0) * 60) }, null))));

    this.balanced = h('button', { type: 'button', id: 'assign-balanced', t: 'console.assignBalanced', onclick: async () => {
      if (confirm(t('console.assignBalancedConfirm'))) {
        await this.call('POST', '/assignments', { strategy: 'balanced' }, 'console.assigned');
        this.loadParticipants();
      }
    } });

    this.settingsDialog = this.boardSettingsDialog();
    this.root.replaceChildren(
      topBar(this.badge,
        h('a', { class: 'link', id: 'to-report', href: `/report?workshop=${encodeURIComponent(w.id)}`, t: 'console.toReport' }),
        h('a', { class: 'link', href: '/organiser', t: 'console.toOrganiser', hidden: this.token !== organiserKey() })),
      h('main', { class: 'page console' },
        h('div', { class: 'console-head' },
          h('div', {},
            h('h1', { id: 'workshop-title', text: w.title }),
            w.description ? h('p', { class: 'lead', text: w.description }) : null,
            h('p', { class: 'submitted-summary', id: 'submitted-summary', 'aria-live': 'polite' }),
            downloadButtons('download.ideas', `${this.base()}/ideas`, IDEA_FORMATS, this.token, 'ideas-downloads')),
          h('div', { class: 'join-box card' },
            h('div', {},
              h('p', { t: 'console.joinCode' }),
              h('p', { class: 'join-code', id: 'join-code', text: w.joinCode }),
              h('p', { class: 'join-url', text: joinUrl }),
              h('button', { type: 'button', id: 'show-projector', t: 'console.projector', onclick: () => {
                QRCode.toCanvas(bigQr, joinUrl, { width: Math.min(window.innerHeight * 0.6, 640), margin: 1 }).catch(() => {});
                projector.showModal();
              } })),
            this.qr)),
        h('section', { class: 'card', 'aria-labelledby': 'rooms-title' },
          h('h2', { id: 'rooms-title', t: 'console.rooms' }),
          h('div', { class: 'table-wrap' },
            h('table', { class: 'rooms', id: 'rooms-table' },
              h('thead', {}, h('tr', {},
                ['console.room', 'console.status', 'console.submission', 'console.online', 'console.ideas', 'console.votes', 'console.words', 'console.lastActivity', 'console.hands', 'console.timer', 'console.actions']
                  .map((key) => h('th', { scope: 'col', t: key })))),
              this.table))),
        h('div', { class: 'console-grid' }, allTimer, broadcastForm),
        h('section', { class: 'card', 'aria-labelledby': 'participants-title' },
          h('div', { class: 'row spread' }, h('h2', { id: 'participants-title', t: 'console.participants' }), this.balanced),
          h('div', { class: 'table-wrap' },
            h('table', { class: 'participants' },
              h('thead', {}, h('tr', {}, ['console.name', 'console.organisation', 'console.role', 'console.assignedRoom'].map((key) => h('th', { scope: 'col', t: key })))),
              this.participantsBody))),
        projector,
        this.settingsDialog.dialog));

    this.renderRooms();
    this.live.on('room.state', (m) => this.roomLive(m.room, { present: m.present, hands: m.hands, timer: m.timer, open: m.open, name: m.name }));
    this.live.on('room.presence', (m) => this.roomLive(m.room, { present: m.present }));
    this.live.on('room.hands', (m) => this.roomLive(m.room, { hands: m.hands }));
    this.live.on('room.timer', (m) => this.roomLive(m.room, { timer: m.timer }));
    this.live.on('room.updated', (m) => {
      this.roomLive(m.room, { open: m.open, name: m.name });
      // Submitting or withdrawing comes as room.updated, without saying which: ask for the rooms.
      this.loadRooms();
    });
    this.live.on('idea.added', (m) => this.ideaAdded(m.room));
    this.live.on('auth.invalid', () => {
      forgetIdentity();
      location.replace('/');
    });
    this.live.onReady(() => {
      for (const id of this.rooms.keys()) {
        this.live.send({ type: 'room.join', room: id });
      }
    });
    this.live.start();
    this.poll();
    this.loadParticipants();
    setInterval(() => this.poll(), POLL_MS);
    setInterval(() => this.renderTimers(), 500);
    window.addEventListener('yantao:language', () => {
      this.renderRooms();
      this.renderParticipants();
    });
  }

  timerButtons(act) {
    return h('div', { class: 'timer-buttons row' },
      ['start', 'pause', 'resume', 'extend', 'stop'].map((action) => h('button', { type: 'button', 'data-action': action, t: `console.timer.${action}`, onclick: () => act(action) })));
  }

  roomLive(roomId, change) {
    const entry = this.rooms.get(roomId);
    if (!entry) {
      return;
    }
    entry.live = { ...(entry.live ?? {}), ...change, at: Date.now() };
    if (change.open != null) {
      entry.room = { ...entry.room, status: change.open ? 'open' : 'closed' };
    }
    this.renderRooms();
  }

  /** Counts a new idea at once instead of waiting for the next poll. */
  ideaAdded(roomId) {
    const entry = this.rooms.get(roomId);
    if (entry?.stats) {
      entry.stats = { ...entry.stats, ideas: (entry.stats.ideas ?? 0) + 1 };
    }
    this.roomLive(roomId, {});
  }

  async poll() {
    try {
      const result = await api('GET', `${this.base()}/console`, { token: this.token });
      for (const stats of result?.rooms ?? []) {
        const entry = this.rooms.get(stats.id ?? stats.room);
        if (entry) {
          entry.stats = stats;
        }
      }
      this.renderRooms();
    } catch {
      // The live channel keeps the console current until the next poll answers.
    }
  }

  async loadParticipants() {
    try {
      const result = await api('GET', `${this.base()}/participants`, { token: this.token });
      this.participants = result.participants;
      this.renderParticipants();
    } catch {
      toast('console.loadFailed', null, 'warn');
    }
  }

  renderRooms() {
    fill(this.table, [...this.rooms.values()].map((entry) => this.roomRow(entry)));
    const rooms = [...this.rooms.values()].map((entry) => entry.room);
    const summary = this.root.querySelector('#submitted-summary');
    if (summary) {
      setText(summary, 'console.submittedCount', { count: rooms.filter((r) => r.submitted).length, total: rooms.length });
    }
    this.renderTimers();
  }

  roomRow({ room, live, stats }) {
    const open = room.status !== 'closed';
    const online = live?.present?.length ?? stats?.online ?? stats?.present ?? null;
    const hands = live?.hands ?? (Array.isArray(stats?.hands) ? stats.hands : []);
    const handCount = hands.length || (typeof stats?.hands === 'number' ? stats.hands : 0);
    const last = Math.max(stats?.lastActivity ?? 0, live?.at ?? 0) || null;
    const number = (n) => (n == null ? '—' : formatNumber(n));
    const minutes = h('input', { type: 'number', min: 1, max: 240, value: 10, class: 'minutes', tLabel: 'console.minutes' });
    return h('tr', { 'data-room': room.id },
      h('th', { scope: 'row' }, h('a', { href: `/room?workshop=${encodeURIComponent(this.workshop.id)}&room=${encodeURIComponent(room.id)}`, text: room.name })),
      h('td', {}, h('span', { class: `status ${open ? 'open' : 'closed'}`, t: open ? 'console.open' : 'console.closed' })),
      h('td', { class: 'c-submission' }, room.submitted
        ? h('span', { class: 'submitted', t: 'console.submittedAt', tArgs: { time: formatTime(room.submittedAt) } })
        : h('span', { class: 'muted', t: 'console.notSubmitted' })),
      h('td', { class: 'num c-online' }, number(online)),
      h('td', { class: 'num c-ideas' }, number(stats?.ideas)),
      h('td', { class: 'num c-votes' }, number(stats?.votes)),
      h('td', { class: 'num c-words' }, number(stats?.words)),
      h('td', { class: 'last' }, last ? formatTime(last) : '—'),
      h('td', { class: 'hands' },
        hands.length ? h('ul', { class: 'hand-list' }, hands.map((p) => h('li', {},
          h('span', { text: p.name }),
          h('button', { type: 'button', class: 'small', t: 'console.clearHand', onclick: () => this.live.send({ type: 'hand.lower', room: room.id, participant: p.id }) }))))
          : h('span', { text: handCount ? formatNumber(handCount) : '—' })),
      h('td', { class: 'room-timer' }, h('span', { class: 'timer-time', 'data-timer-room': room.id })),
      h('td', { class: 'actions' },
        h('div', { class: 'row' }, minutes,
          this.timerButtons((action) => this.call('POST', `/rooms/${encodeURIComponent(room.id)}/timer`, { action, seconds: Math.round(Number(minutes.value || 0) * 60) }, null))),
        h('div', { class: 'row' },
          h('button', { type: 'button', class: open ? 'danger toggle-room' : 'toggle-room', t: open ? 'console.close' : 'console.reopen', onclick: async () => {
            this.roomChanged(await this.call('PATCH', `/rooms/${encodeURIComponent(room.id)}`, { status: open ? 'closed' : 'open' }, null));
          } }),
          room.submitted
            ? h('button', { type: 'button', class: 'withdraw', t: 'console.withdraw', onclick: async () => {
              this.roomChanged(await this.call('DELETE', `/rooms/${encodeURIComponent(room.id)}/submit`, undefined, 'console.withdrawn'));
            } })
            : h('button', { type: 'button', class: 'submit-findings', t: 'console.submit', onclick: async () => {
              if (confirm(t('console.submitConfirm', { room: room.name }))) {
                this.roomChanged(await this.call('POST', `/rooms/${encodeURIComponent(room.id)}/submit`, undefined, 'console.submittedDone'));
              }
            } }),
          h('button', { type: 'button', class: 'board-settings', t: 'console.boardSettings', onclick: () => this.settingsDialog.open(room) })),
        downloadButtons('download.findings', `${this.base()}/rooms/${encodeURIComponent(room.id)}/findings`, DOCUMENT_FORMATS, this.token, 'findings-downloads')));
  }

  roomChanged(updated) {
    if (updated && this.rooms.has(updated.id)) {
      this.rooms.get(updated.id).room = updated;
      this.renderRooms();
    }
  }

  /** The rooms as the server has them (names, open or closed, submitted). */
  async loadRooms() {
    try {
      const workshop = await api('GET', this.base(), { token: this.token });
      for (const room of workshop.rooms) {
        const entry = this.rooms.get(room.id);
        if (entry) {
          entry.room = room;
        }
      }
      this.renderRooms();
    } catch {
      // The next room.updated, or a reload, asks again.
    }
  }

  /**
   * One dialog for every room's idea board settings (docs/protocol.md, "Idea board"): votes per
   * participant, several votes on one idea, anonymous ideas. Participants see the change at once.
   */
  boardSettingsDialog() {
    const votes = h('input', { type: 'number', id: 'board-votes', min: 1, max: 50, required: true, class: 'minutes' });
    const stacking = h('input', { type: 'checkbox', id: 'board-stacking' });
    const anonymous = h('input', { type: 'checkbox', id: 'board-anonymous' });
    const title = h('h2', { id: 'board-settings-title' });
    const form = h('form', { method: 'dialog', class: 'board-settings-form' },
      title,
      field('console.votesPerParticipant', votes, 'console.votesHint'),
      h('label', { class: 'check' }, stacking, h('span', { t: 'console.stacking' })),
      h('label', { class: 'check' }, anonymous, h('span', { t: 'console.allowAnonymous' })),
      h('div', { class: 'row' },
        h('button', { type: 'submit', class: 'primary', id: 'board-settings-save', t: 'console.save' }),
        h('button', { type: 'button', t: 'console.cancel', onclick: () => dialog.close() })));
    const dialog = h('dialog', { class: 'settings-dialog', id: 'board-settings', 'aria-labelledby': 'board-settings-title' }, form);
    let roomId = null;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const n = Number(votes.value);
      if (!Number.isInteger(n) || n < 1 || n > 50) {
        toast('console.votesHint', null, 'warn');
        votes.focus();
        return;
      }
      const body = { votesPerParticipant: n, stacking: stacking.checked, anonymous: anonymous.checked };
      if (await this.call('PUT', `/rooms/${encodeURIComponent(roomId)}/board/settings`, body, 'console.boardSettingsSaved')) {
        dialog.close();
      }
    });
    return {
      dialog,
      open: async (room) => {
        roomId = room.id;
        setText(title, 'console.boardSettingsFor', { room: room.name });
        const board = await this.call('GET', `/rooms/${encodeURIComponent(room.id)}/ideas`, undefined, null);
        if (!board) {
          return;
        }
        votes.value = String(board.settings.votesPerParticipant);
        stacking.checked = board.settings.stacking;
        anonymous.checked = board.settings.anonymous;
        dialog.showModal();
        votes.focus();
      },
    };
  }

  renderTimers() {
    for (const span of this.table.querySelectorAll('[data-timer-room]')) {
      const timer = this.rooms.get(span.dataset.timerRoom)?.live?.timer;
      const left = remainingMs(timer, this.live);
      span.textContent = left == null ? '—' : `${clock(left)} ${t(left === 0 ? 'timer.finished' : `timer.${timer.state}`)}`;
    }
  }

  renderParticipants() {
    const rooms = [...this.rooms.values()].map((entry) => entry.room);
    fill(this.participantsBody, this.participants.map((p) => {
      const select = h('select', { tLabel: 'console.assignedRoom', 'data-participant': p.id, disabled: p.role !== 'participant' },
        h('option', { value: '', t: 'console.unassigned' }),
        rooms.map((room) => h('option', { value: room.id, text: room.name, selected: p.room === room.id })));
      select.value = p.room ?? '';
      select.addEventListener('change', async () => {
        if (!select.value) {
          select.value = p.room ?? '';
          return;
        }
        if (await this.call('POST', `/rooms/${encodeURIComponent(select.value)}/members`, { participantId: p.id }, 'console.moved')) {
          p.room = select.value;
        } else {
          select.value = p.room ?? '';
        }
      });
      return h('tr', {},
        h('td', { text: p.name }),
        h('td', { text: p.organisation }),
        h('td', { t: `role.${p.role}` }),
        h('td', {}, select));
    }));
  }
}
