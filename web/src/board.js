// The idea board of a room (docs/protocol.md, "Idea board"): a snapshot, then changes that each
// carry the board's revision; a change that is not the next revision means something was missed,
// and the board is opened again.
import { formatTime, t } from './i18n.js';
import { field, fill, h, setText, toast } from './dom.js';
import { read, write } from './store.js';

export class Board {
  constructor(live, roomId, { canModerate, onAddToFindings }) {
    this.live = live;
    this.roomId = roomId;
    this.canModerate = canModerate;
    this.onAddToFindings = onAddToFindings;
    this.rev = null;
    this.ideas = new Map();
    this.settings = { votesPerParticipant: 3, stacking: false, anonymous: true };
    this.votesLeft = null;
    this.themes = [];
    this.open = true;
    this.sort = 'votes';
    this.filter = '';
    this.editing = null;
    this.mineKey = `yantao.myIdeas.${roomId}`;
    this.mine = new Set(read(this.mineKey) ?? []);
    this.sentIds = new Set();
    this.element = this.build();

    const here = (fn) => (m) => m.room === roomId && fn(m);
    live.on('board.snapshot', here((m) => this.snapshot(m)));
    live.on('idea.added', here((m) => this.change(m, () => {
      if (this.sentIds.has(m.ref)) {
        this.remember(m.idea.id);
      }
      this.ideas.set(m.idea.id, m.idea);
    })));
    live.on('idea.updated', here((m) => this.change(m, () => this.ideas.set(m.idea.id, m.idea))));
    live.on('idea.deleted', here((m) => this.change(m, () => this.ideas.delete(m.idea))));
    live.on('board.votes', here((m) => {
      this.votesLeft = m.votesLeft;
      this.render();
    }));
    live.on('board.settings', here((m) => this.change(m, () => {
      this.settings = m.settings;
      if (m.votesLeft != null) {
        this.votesLeft = m.votesLeft;
      }
    })));
    live.on('error', (m) => {
      if (m.ref && this.sentIds.has(m.ref) && ['vote.limit', 'vote.duplicate', 'vote.none', 'idea.text_invalid', 'idea.anonymous_off', 'idea.forbidden', 'idea.not_found', 'room.closed'].includes(m.code)) {
        toast(`error.${m.code}`, null, 'warn');
      }
    });
    window.addEventListener('yantao:language', () => this.render(), { signal: live.signal });
  }

  openBoard() {
    this.live.send({ type: 'board.open', room: this.roomId });
  }

  snapshot(m) {
    this.rev = m.rev;
    this.settings = m.settings ?? this.settings;
    this.votesLeft = m.votesLeft;
    this.ideas = new Map(m.ideas.map((idea) => [idea.id, idea]));
    this.render();
  }

  change(m, apply) {
    if (this.rev == null) {
      return;
    }
    if (m.rev <= this.rev) {
      return;
    }
    if (m.rev !== this.rev + 1) {
      this.openBoard();
      return;
    }
    this.rev = m.rev;
    apply();
    this.render();
  }

  remember(ideaId) {
    this.mine.add(ideaId);
    write(this.mineKey, [...this.mine]);
  }

  setThemes(themes) {
    this.themes = themes ?? [];
    this.renderThemeOptions();
    this.render();
  }

  setOpen(open) {
    this.open = open;
    this.render();
  }

  send(msg) {
    const id = this.live.newId('b');
    this.sentIds.add(id);
    if (!this.live.send({ ...msg, room: this.roomId, id })) {
      toast('error.notConnected', null, 'warn');
    }
    return id;
  }

  build() {
    this.text = h('textarea', { id: 'idea-text', maxlength: 500, rows: 2, tPlaceholder: 'board.placeholder' });
    this.counter = h('small', { class: 'counter', 'aria-live': 'off' });
    this.text.addEventListener('input', () => this.updateCounter());
    this.themeSelect = h('select', { id: 'idea-theme' });
    this.anonymous = h('input', { type: 'checkbox', id: 'idea-anonymous' });
    this.anonymousField = h('label', { class: 'check' }, this.anonymous, h('span', { t: 'board.anonymous' }));
    this.addButton = h('button', { type: 'submit', class: 'primary', id: 'idea-add', t: 'board.add' });
    this.form = h('form', { class: 'idea-form', id: 'idea-form' },
      field('board.newIdea', this.text),
      this.counter,
      h('div', { class: 'row' }, field('board.theme', this.themeSelect), this.anonymousField, this.addButton));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.add();
    });
    this.text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.add();
      }
    });

    this.sortSelect = h('select', { id: 'idea-sort', onchange: (e) => { this.sort = e.target.value; this.render(); } },
      h('option', { value: 'votes', t: 'board.sortVotes' }),
      h('option', { value: 'time', t: 'board.sortTime' }));
    this.filterSelect = h('select', { id: 'idea-filter', onchange: (e) => { this.filter = e.target.value; this.render(); } });
    this.votesText = h('span', { class: 'votes-left', id: 'votes-left', 'aria-live': 'polite' });
    this.list = h('ol', { class: 'ideas', id: 'ideas', 'aria-live': 'polite' });
    this.renderThemeOptions();
    this.updateCounter();
    return h('section', { class: 'board card', 'aria-labelledby': 'board-title' },
      h('h2', { id: 'board-title', t: 'board.title' }),
      this.form,
      h('div', { class: 'row board-tools' }, field('board.sort', this.sortSelect), field('board.filter', this.filterSelect), this.votesText),
      this.list);
  }

  updateCounter() {
    setText(this.counter, 'board.counter', { count: this.text.value.length, max: 500 });
  }

  renderThemeOptions() {
    const chosen = this.themeSelect.value;
    fill(this.themeSelect, h('option', { value: '', t: 'board.noTheme' }),
      this.themes.map((theme) => h('option', { value: theme.id, text: theme.name })));
    this.themeSelect.value = this.themes.some((th) => th.id === chosen) ? chosen : '';
    const filter = this.filterSelect.value;
    fill(this.filterSelect, h('option', { value: '', t: 'board.allThemes' }),
      this.themes.map((theme) => h('option', { value: theme.id, text: theme.name })));
    this.filterSelect.value = this.themes.some((th) => th.id === filter) ? filter : '';
    this.filter = this.filterSelect.value;
  }

  add() {
    const text = this.text.value.trim();
    if (!text) {
      toast('error.idea.text_invalid', null, 'warn');
      this.text.focus();
      return;
    }
    const msg = { type: 'idea.add', text };
    if (this.themeSelect.value) {
      msg.theme = this.themeSelect.value;
    }
    if (this.anonymous.checked) {
      msg.anonymous = true;
    }
    this.send(msg);
    this.text.value = '';
    this.updateCounter();
  }

  isMine(idea) {
    return this.mine.has(idea.id) || (idea.author && idea.author.id === this.live.me?.id);
  }

  render() {
    const open = this.open;
    for (const control of [this.text, this.themeSelect, this.anonymous, this.addButton]) {
      control.disabled = !open;
    }
    this.anonymousField.hidden = !this.settings.anonymous;
    if (this.votesLeft != null) {
      setText(this.votesText, 'board.votesLeft', { count: this.votesLeft, total: this.settings.votesPerParticipant });
    }
    let ideas = [...this.ideas.values()];
    if (this.filter) {
      ideas = ideas.filter((idea) => idea.theme === this.filter);
    }
    ideas.sort(this.sort === 'votes'
      ? (a, b) => b.votes - a.votes || a.createdAt - b.createdAt
      : (a, b) => b.createdAt - a.createdAt);
    fill(this.list, ideas.length ? ideas.map((idea) => this.renderIdea(idea, open)) : h('li', { class: 'empty', t: 'board.empty' }));
  }

  renderIdea(idea, open) {
    const theme = this.themes.find((th) => th.id === idea.theme);
    const mayChange = open && (this.canModerate || this.isMine(idea));
    const item = h('li', { class: 'idea', 'data-idea': idea.id });
    if (this.editing === idea.id) {
      const editor = h('textarea', { maxlength: 500, rows: 3, class: 'idea-edit', tLabel: 'board.editLabel', value: idea.text });
      const save = () => {
        const text = editor.value.trim();
        if (text && text !== idea.text) {
          this.send({ type: 'idea.edit', idea: idea.id, text });
        }
        this.editing = null;
        this.render();
      };
      editor.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          this.editing = null;
          this.render();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          save();
        }
      });
      item.append(editor, h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary', t: 'board.save', onclick: save }),
        h('button', { type: 'button', t: 'board.cancel', onclick: () => { this.editing = null; this.render(); } })));
      queueMicrotask(() => editor.focus());
      return item;
    }
    const votes = h('span', { class: 'idea-votes', t: 'board.votes', tArgs: { count: idea.votes } });
    const canVote = open && this.votesLeft !== 0 && (this.settings.stacking || !idea.myVotes);
    item.append(
      h('p', { class: 'idea-text', text: idea.text }),
      h('div', { class: 'idea-meta' },
        theme ? h('span', { class: 'chip', text: theme.name }) : null,
        idea.author
          ? h('span', { class: 'idea-author', text: `${idea.author.name} · ${idea.author.organisation}` })
          : h('span', { class: 'idea-author', t: 'board.anonymousAuthor' }),
        h('time', { text: formatTime(idea.createdAt) })),
      h('div', { class: 'idea-actions row' },
        votes,
        idea.myVotes ? h('span', { class: 'my-votes', t: 'board.myVotes', tArgs: { count: idea.myVotes } }) : null,
        h('button', { type: 'button', class: 'vote', t: 'board.vote', disabled: !canVote, onclick: () => this.send({ type: 'idea.vote', idea: idea.id }) }),
        idea.myVotes ? h('button', { type: 'button', class: 'unvote', t: 'board.unvote', disabled: !open, onclick: () => this.send({ type: 'idea.unvote', idea: idea.id }) }) : null,
        this.onAddToFindings ? h('button', { type: 'button', class: 'to-findings', t: 'board.toFindings', onclick: () => this.onAddToFindings(idea, theme) }) : null,
        mayChange ? h('button', { type: 'button', class: 'edit', t: 'board.edit', onclick: () => { this.editing = idea.id; this.render(); } }) : null,
        mayChange ? h('button', { type: 'button', class: 'delete danger', t: 'board.delete', onclick: () => {
          if (confirm(t('board.confirmDelete'))) {
            this.send({ type: 'idea.delete', idea: idea.id });
          }
        } }) : null));
    return item;
  }
}
