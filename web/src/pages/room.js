// A room: its question and themes, the findings editor, the idea board, who is here, the timer,
// the facilitator's broadcast and the raised hand. Participants come to their own room; staff
// open any room with /room?workshop=<id>&room=<id>.
import Delta from 'quill-delta';
import { api } from '../api.js';
import { connectionBadge, fatal, topBar } from '../chrome.js';
import { fill, h, setText, toast } from '../dom.js';
import { DOCUMENT_FORMATS, IDEA_FORMATS, downloadButtons } from '../download.js';
import { FindingsEditor } from '../editor.js';
import { Board } from '../board.js';
import { Live } from '../live.js';
import { timerView } from '../timer.js';
import { forgetIdentity, identity, organiserKey, read, write } from '../store.js';

const RETRY_MS = 3000;

export async function roomPage(root) {
  const params = new URLSearchParams(location.search);
  const me = identity();
  const token = params.get('room') && organiserKey() && (!me || me.role === 'participant') ? organiserKey() : me?.token;
  if (!token) {
    location.replace('/');
    return;
  }
  const owner = token === me?.token ? me.participantId : 'organiser';
  if (params.get('room')) {
    const cacheKey = `yantao.room.${owner}.${params.get('room')}`;
    const place = await findStaffRoom(root, token, params, cacheKey);
    if (place) {
      const live = new Live(token);
      const reload = async () => (await api('GET', `/api/workshops/${encodeURIComponent(place.workshop.id)}`, { token }))
        .rooms.find((r) => r.id === place.room.id);
      showRoom(root, live, token, owner, place, reload);
      live.start();
    }
  } else {
    followAssignments(root, token, owner);
  }
}

/** The room a facilitator or organiser opened from the console, or as remembered when offline. */
async function findStaffRoom(root, token, params, cacheKey) {
  for (;;) {
    try {
      const workshop = await api('GET', `/api/workshops/${encodeURIComponent(params.get('workshop'))}`, { token });
      const room = workshop.rooms.find((r) => r.id === params.get('room'));
      if (!room) {
        fatal(root, 'room.notFound');
        return null;
      }
      const place = { workshop, room, staff: true };
      write(cacheKey, place);
      return place;
    } catch (e) {
      if (e.code === 'auth.invalid' || e.status === 401) {
        forgetIdentity();
        location.replace('/');
        return null;
      }
      const cached = read(cacheKey);
      if (cached) {
        return cached;
      }
      if (e.status === 403 || e.status === 404) {
        fatal(root, 'room.notFound');
        return null;
      }
      if (!root.querySelector('#waiting')) {
        showWaiting(root, null, null);
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/**
 * A participant's page follows them: it waits until they are put in a room, shows that room, and
 * switches to another when they are moved, without a reload. The server says so with me.assigned
 * (docs/protocol.md, "Rooms"); on every (re)connection the page also asks /api/me, for a move made
 * while it was not connected. Each screen has a connection of its own, stopped when it goes.
 */
function followAssignments(root, token, owner) {
  const cacheKey = `yantao.room.${owner}.mine`;
  let shown = null;
  let checking = false;
  let again = false;

  async function check() {
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    try {
      do {
        again = false;
        await settle();
      } while (again);
    } finally {
      checking = false;
    }
  }

  async function settle() {
    let place;
    try {
      const mine = await api('GET', '/api/me', { token });
      if (mine.role !== 'participant' && mine.role !== 'observer') {
        location.replace('/console');
        return;
      }
      place = mine.room ? { workshop: mine.workshop, room: mine.room, staff: false } : { waitingAs: mine };
      if (mine.room) {
        write(cacheKey, place);
      }
    } catch (e) {
      if (e.code === 'auth.invalid' || e.status === 401) {
        forgetIdentity();
        location.replace('/');
        return;
      }
      if (shown) {
        return;
      }
      // Not reachable now: the room as remembered (edits go on offline), else wait for the connection.
      place = read(cacheKey) ?? { waitingAs: null };
    }
    show(place);
  }

  function show(place) {
    const roomId = place.room?.id ?? null;
    if (shown && shown.roomId === roomId) {
      if (!roomId && place.waitingAs) {
        showWaiting(root, shown.live, place.waitingAs);
      }
      return;
    }
    shown?.live.stop();
    const live = new Live(token);
    shown = { roomId, live };
    live.on('me.assigned', () => check());
    live.onReady(() => check());
    if (roomId) {
      const reload = async () => (await api('GET', '/api/me', { token })).room;
      showRoom(root, live, token, owner, place, reload);
    } else {
      showWaiting(root, live, place.waitingAs);
    }
    live.start();
  }

  check();
}

function showWaiting(root, live, mine) {
  root.replaceChildren(topBar(live ? connectionBadge(live, () => 0) : null), h('main', { class: 'page narrow' },
    h('div', { class: 'card', id: 'waiting', role: 'status' },
      h('h1', { t: 'room.waitingTitle' }),
      mine ? h('p', { t: 'room.waitingAs', tArgs: { name: mine.participant.name, workshop: mine.workshop.title } }) : null,
      h('p', { t: 'room.waiting' }),
      leaveButton())));
}

function leaveButton() {
  return h('button', { type: 'button', class: 'link', id: 'leave', t: 'room.leave', onclick: () => {
    forgetIdentity();
    location.assign('/');
  } });
}

/** The room view on live (started by the caller); reload() gives the room as the server has it now. */
function showRoom(root, live, token, owner, { workshop, room, staff }, reload) {
  const themeNames = new Map((workshop.themes ?? []).map((th) => [th.id, th.name]));
  let themes = (room.themes ?? []).map((id) => ({ id, name: themeNames.get(id) ?? id }));
  let hands = [];
  let open = room.status !== 'closed';

  const title = h('h1', { class: 'room-name', id: 'room-name', text: room.name });
  const question = h('p', { class: 'question', id: 'room-question', text: room.question ?? '' });
  const themeList = h('ul', { class: 'themes', id: 'room-themes', tLabel: 'room.themes' });
  let submitted = Boolean(room.submitted);
  const closedBanner = h('p', { class: 'banner closed', id: 'closed-banner', role: 'status', t: submitted ? 'room.submitted' : 'room.closed', hidden: open });
  const broadcastText = h('span', { class: 'broadcast-text', id: 'broadcast-text' });
  const broadcastFrom = h('span', { class: 'broadcast-from' });
  const broadcast = h('div', { class: 'banner broadcast', id: 'broadcast', role: 'alert', hidden: true },
    h('strong', { t: 'room.broadcast' }), broadcastFrom, broadcastText,
    h('button', { type: 'button', class: 'dismiss', id: 'broadcast-dismiss', t: 'room.dismiss', onclick: () => dismissBroadcast() }));
  const timeUp = h('p', { class: 'banner time-up', id: 'time-up', role: 'status', t: 'timer.timeUp', hidden: true });
  const timer = timerView(live, () => {
    timeUp.hidden = false;
    setTimeout(() => { timeUp.hidden = true; }, 15000);
  });
  const presence = h('ul', { class: 'presence', id: 'presence' });
  const handButton = h('button', { type: 'button', id: 'raise-hand', class: 'hand', t: 'room.raiseHand' });
  const editorHost = h('div', { id: 'findings-editor' });
  const roomPath = `/api/workshops/${encodeURIComponent(workshop.id)}/rooms/${encodeURIComponent(room.id)}`;
  const editorCard = h('section', { class: 'card findings', 'aria-labelledby': 'findings-title' },
    h('div', { class: 'row spread' },
      h('h2', { id: 'findings-title', t: 'room.findings' }),
      downloadButtons('download.findings', `${roomPath}/findings`, DOCUMENT_FORMATS, token, 'findings-downloads')),
    editorHost,
    // The workshop's ideas are for facilitators and organisers; members have their room's board.
    staff ? downloadButtons('download.ideas', `/api/workshops/${encodeURIComponent(workshop.id)}/ideas`, IDEA_FORMATS, token, 'ideas-downloads') : null);

  let editor;
  const badge = connectionBadge(live, () => editor?.sync.unsent() ?? 0);
  const board = new Board(live, room.id, { canModerate: staff, onAddToFindings: (idea, theme) => addToFindings(editor, idea, theme) });

  root.replaceChildren(
    topBar(badge, timer, handButton, staff ? h('a', { href: `/console?workshop=${encodeURIComponent(workshop.id)}`, class: 'link', t: 'room.toConsole' }) : leaveButton()),
    h('main', { class: 'page room' },
      h('div', { class: 'room-head' }, title, question, themeList),
      closedBanner, broadcast, timeUp,
      h('div', { class: 'room-grid' },
        editorCard,
        h('aside', { class: 'side' },
          h('section', { class: 'card', 'aria-labelledby': 'presence-title' }, h('h2', { id: 'presence-title', t: 'room.present' }), presence),
          board.element))));

  editor = new FindingsEditor(editorHost, live, room.findingsDoc, owner, () => badge.refresh());
  editor.quill.root.setAttribute('aria-labelledby', 'findings-title');

  const renderThemes = () => fill(themeList, themes.map((th) => h('li', { class: 'chip', text: th.name })));
  renderThemes();
  board.setThemes(themes);

  const dismissedKey = 'yantao.dismissedBroadcasts';
  const dismissed = new Set(read(dismissedKey) ?? []);
  let shownBroadcast = null;
  function showBroadcast(b) {
    shownBroadcast = b;
    if (!b || dismissed.has(b.id)) {
      broadcast.hidden = true;
      return;
    }
    broadcastText.textContent = b.text;
    broadcastFrom.textContent = b.from?.name ? `${b.from.name}: ` : '';
    broadcast.hidden = false;
  }
  function dismissBroadcast() {
    if (shownBroadcast) {
      dismissed.add(shownBroadcast.id);
      write(dismissedKey, [...dismissed].slice(-50));
    }
    broadcast.hidden = true;
  }

  function renderPresence(people) {
    editor.keepCursorsOf(new Set(people.map((p) => p.id)));
    const raised = new Set(hands.map((p) => p.id));
    fill(presence, people.map((p) => h('li', { class: 'person', 'data-person': p.id },
      h('span', { class: 'dot', 'aria-hidden': 'true', style: null, 'data-colour': p.colour }),
      h('span', { class: 'person-name', text: p.name }),
      h('span', { class: 'person-org', text: p.organisation }),
      raised.has(p.id) ? h('span', { class: 'hand-up', t: 'room.handRaised' }) : null)));
    for (const dot of presence.querySelectorAll('.dot')) {
      dot.style.backgroundColor = dot.dataset.colour;
    }
  }
  let present = [];

  function renderHand() {
    const mine = hands.some((p) => p.id === live.me?.id);
    setText(handButton, mine ? 'room.lowerHand' : 'room.raiseHand');
    handButton.setAttribute('aria-pressed', String(mine));
    handButton.hidden = staff;
  }
  handButton.addEventListener('click', () => {
    const mine = hands.some((p) => p.id === live.me?.id);
    if (!live.send({ type: mine ? 'hand.lower' : 'hand.raise', room: room.id })) {
      toast('error.notConnected', null, 'warn');
    }
  });

  function setOpen(isOpen) {
    open = isOpen;
    setText(closedBanner, submitted && !open ? 'room.submitted' : 'room.closed');
    closedBanner.hidden = open;
    editor.setReadOnly(!open);
    board.setOpen(open);
  }

  const here = (fn) => (m) => m.room === room.id && fn(m);
  live.on('room.state', here((m) => {
    title.textContent = m.name;
    question.textContent = m.question ?? '';
    themes = m.themes ?? themes;
    renderThemes();
    board.setThemes(themes);
    hands = m.hands ?? [];
    present = m.present ?? [];
    renderPresence(present);
    renderHand();
    timer.set(m.timer);
    showBroadcast(m.broadcast);
    setOpen(m.open);
  }));
  live.on('room.presence', here((m) => { present = m.present; renderPresence(present); }));
  live.on('room.hands', here((m) => { hands = m.hands; renderPresence(present); renderHand(); }));
  live.on('room.timer', here((m) => timer.set(m.timer)));
  live.on('room.broadcast', here((m) => showBroadcast(m.broadcast)));
  live.on('room.updated', here((m) => {
    title.textContent = m.name;
    question.textContent = m.question ?? '';
    if (m.themes) {
      themes = m.themes;
      renderThemes();
      board.setThemes(themes);
    }
    setOpen(m.open);
    // Submitting closes the room and reopening withdraws it; room.updated does not say which.
    reload().then((now) => {
      if (now?.id === room.id) {
        submitted = Boolean(now.submitted);
        setOpen(now.status !== 'closed');
      }
    }, () => {});
  }));
  live.on('auth.invalid', () => {
    forgetIdentity();
    location.replace('/');
  });
  live.on('error', (m) => {
    if (m.code === 'doc.read_only' && open) {
      toast('error.doc.read_only', null, 'warn');
    }
  });
  live.onReady(() => {
    live.send({ type: 'room.join', room: room.id });
    board.openBoard();
  });
  setOpen(open);
  renderHand();
  window.addEventListener('beforeunload', () => editor.sync.save(), { signal: live.signal });
}

/** Puts an idea into the findings as a bullet at the end of its theme's section (or of the text). */
function addToFindings(editor, idea, theme) {
  const doc = editor.contents();
  const lines = [];
  let offset = 0;
  doc.eachLine((line, attrs) => {
    const text = line.filter((op) => typeof op.insert === 'string').map((op) => op.insert).join('');
    lines.push({ start: offset, text, attrs });
    offset += line.length() + 1;
  });
  const end = offset;
  let from = theme ? lines.findIndex((l) => l.attrs.header && l.text.trim() === theme.name.trim()) : -1;
  let insertAt = null;
  if (from >= 0) {
    let last = from;
    let next = lines.length;
    for (let i = from + 1; i < lines.length; i++) {
      if (lines[i].attrs.header) {
        next = i;
        break;
      }
      if (lines[i].text.trim()) {
        last = i;
      }
    }
    const emptyAfter = lines.slice(last + 1, next).find((l) => !l.text.trim() && !l.attrs.list);
    insertAt = emptyAfter ? emptyAfter.start : next < lines.length ? lines[next].start : null;
  } else {
    from = -1;
    const lastLine = lines[lines.length - 1];
    if (lastLine && !lastLine.text.trim() && !lastLine.attrs.header && !lastLine.attrs.list) {
      insertAt = lastLine.start;
    }
  }
  if (insertAt != null) {
    editor.insertLines(insertAt, idea.text.replace(/\n+/g, ' '), { list: 'bullet' });
  } else {
    // The text ends in a line with content: end that line, then add the bullet as the last line.
    const lastAttrs = lines[lines.length - 1]?.attrs ?? {};
    const change = new Delta().retain(end - 1).insert('\n', lastAttrs).insert(idea.text.replace(/\n+/g, ' '))
      .retain(1, { list: 'bullet', header: null });
    editor.quill.updateContents(change, 'user');
  }
  toast('board.addedToFindings');
}
