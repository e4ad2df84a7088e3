// The consolidated report (/report?workshop=<id>): which rooms handed their findings in, generating
// and regenerating the report, the report itself co-edited like findings (its lines keep where they
// came from, new ones highlighted), the overlaps between rooms to accept or undo, and the exports.
// Organisers do everything; facilitators edit and download; observers read.
import { api } from '../api.js';
import { connectionBadge, topBar } from '../chrome.js';
import { fill, h, setText, toast } from '../dom.js';
import { DOCUMENT_FORMATS, IDEA_FORMATS, downloadButtons } from '../download.js';
import { FindingsEditor } from '../editor.js';
import { errorText, formatTime, t } from '../i18n.js';
import { Live } from '../live.js';
import { clearFresh, describeProvenanceWith } from '../report-lines.js';
import { forgetIdentity, identity } from '../store.js';
import { openStaffWorkshop } from './staff.js';

const ROOMS_EVERY_MS = 10000;

export async function reportPage(root) {
  const opened = await openStaffWorkshop(root);
  if (opened) {
    new ReportView(root, opened.token, opened.role, opened.workshop).start();
  }
}

class ReportView {
  constructor(root, token, role, workshop) {
    this.root = root;
    this.token = token;
    this.organiser = role === 'organiser';
    this.workshop = workshop;
    this.owner = role === 'organiser' ? 'organiser' : identity()?.participantId;
    this.live = new Live(token);
  }

  base() {
    return `/api/workshops/${encodeURIComponent(this.workshop.id)}`;
  }

  async call(method, path, body) {
    try {
      return await api(method, `${this.base()}${path}`, { token: this.token, body });
    } catch (e) {
      toast('console.actionFailed', { reason: errorText(e.code) }, 'warn');
      return null;
    }
  }

  start() {
    const w = this.workshop;
    this.roomNames = new Map(w.rooms.map((room) => [room.id, room.name]));
    describeProvenanceWith((value) => this.describe(value));

    this.badge = connectionBadge(this.live, () => this.editor?.sync.unsent() ?? 0);
    this.roomList = h('ul', { class: 'report-rooms', id: 'report-rooms' });
    this.generateButton = h('button', { type: 'button', class: 'primary', id: 'generate-report', t: 'report.generate', hidden: !this.organiser, onclick: () => this.generate() });
    this.result = h('div', { class: 'generation-result', id: 'generation-result', role: 'status', 'aria-live': 'polite' });
    this.overlapList = h('ol', { class: 'overlaps', id: 'overlaps' });
    const editorHost = h('div', { id: 'report-editor' });
    const clear = h('button', { type: 'button', id: 'clear-fresh', t: 'report.clearFresh', onclick: () => this.clearFresh() });

    this.root.replaceChildren(
      topBar(this.badge, h('a', { class: 'link', id: 'to-console', href: `/console?workshop=${encodeURIComponent(w.id)}`, t: 'report.toConsole' })),
      h('main', { class: 'page report' },
        h('div', { class: 'report-head' },
          h('div', {},
            h('p', { class: 'eyebrow', t: 'report.title' }),
            h('h1', { id: 'workshop-title', text: w.title })),
          h('div', { class: 'report-actions' },
            this.generateButton,
            downloadButtons('download.report', `${this.base()}/report`, DOCUMENT_FORMATS, this.token, 'report-downloads'),
            downloadButtons('download.ideas', `${this.base()}/ideas`, IDEA_FORMATS, this.token, 'ideas-downloads'))),
        h('section', { class: 'card', 'aria-labelledby': 'report-rooms-title' },
          h('h2', { id: 'report-rooms-title', t: 'report.rooms' }),
          this.roomList,
          this.result),
        h('div', { class: 'report-grid' },
          h('section', { class: 'card findings report-editor', 'aria-labelledby': 'report-editor-title' },
            h('div', { class: 'row spread' },
              h('h2', { id: 'report-editor-title', t: 'report.document' }),
              clear),
            h('p', { class: 'hint legend' },
              h('span', { class: 'fresh-sample', t: 'report.freshLegend' }), ' ',
              h('span', { t: 'report.provenanceLegend' })),
            editorHost),
          h('aside', { class: 'card overlaps-card', 'aria-labelledby': 'overlaps-title' },
            h('div', { class: 'row spread' },
              h('h2', { id: 'overlaps-title', t: 'report.overlaps' }),
              h('button', { type: 'button', class: 'small', id: 'refresh-overlaps', t: 'report.refreshOverlaps', onclick: () => this.loadOverlaps() })),
            h('p', { class: 'hint', t: 'report.overlapsHint' }),
            this.overlapList))));

    this.editor = new FindingsEditor(editorHost, this.live, `report.${w.id}`, this.owner, () => this.editorChanged(), { report: true });
    this.editor.quill.root.setAttribute('aria-labelledby', 'report-editor-title');

    this.live.on('auth.invalid', () => {
      forgetIdentity();
      location.replace('/');
    });
    this.live.start();
    this.renderRooms();
    this.loadOverlaps();
    // Submissions are not pushed to this page: it looks again now and then.
    setInterval(() => this.loadRooms(), ROOMS_EVERY_MS);
    window.addEventListener('yantao:language', () => {
      this.renderRooms();
      this.renderOverlaps();
    });
  }

  /** How a line's provenance is shown: the room's name as a label, and where it came from as a tooltip. */
  describe(value) {
    const idea = value.indexOf('@idea:');
    if (idea > 0) {
      const room = this.roomNames.get(value.slice(0, idea));
      return room ? { room, title: t('report.fromIdea', { room }) } : null;
    }
    const at = value.lastIndexOf('@');
    if (at > 0 && /^\d+$/.test(value.slice(at + 1))) {
      const room = this.roomNames.get(value.slice(0, at));
      return room ? { room, title: t('report.fromRoom', { room, rev: value.slice(at + 1) }) } : null;
    }
    return null;
  }

  editorChanged() {
    this.badge.refresh();
    // The editor reports its first state from its constructor, before it is this.editor.
    if (!this.editor) {
      return;
    }
    const generated = this.editor.quill.getLength() > 1;
    setText(this.generateButton, generated ? 'report.regenerate' : 'report.generate');
    this.editor.quill.container.dataset.generated = String(generated);
  }

  async loadRooms() {
    try {
      this.workshop = await api('GET', this.base(), { token: this.token });
      this.roomNames = new Map(this.workshop.rooms.map((room) => [room.id, room.name]));
      this.renderRooms();
    } catch {
      // Shown as it was; the next look may answer.
    }
  }

  renderRooms() {
    fill(this.roomList, this.workshop.rooms.map((room) => h('li', { 'data-room': room.id, class: room.submitted ? 'submitted' : 'pending' },
      h('strong', { text: room.name }), ' ',
      room.submitted
        ? h('span', { class: 'chip ok', t: 'console.submittedAt', tArgs: { time: formatTime(room.submittedAt) } })
        : h('span', { class: 'chip muted', t: 'console.notSubmitted' }))));
  }

  async generate() {
    this.generateButton.disabled = true;
    try {
      const result = await this.call('POST', '/report', {});
      if (result) {
        this.showResult(result);
        this.loadOverlaps();
        this.loadRooms();
      }
    } finally {
      this.generateButton.disabled = false;
    }
  }

  /** What a (re)generation brought: the rooms with new lines, which are highlighted in the text. */
  showResult(result) {
    if (result.created) {
      fill(this.result, h('p', { t: 'report.created' }));
    } else if (!result.rooms.length) {
      fill(this.result, h('p', { t: 'report.nothingNew' }));
    } else {
      fill(this.result,
        h('p', { t: 'report.refreshed' }),
        h('ul', { class: 'new-lines' }, result.rooms.map((room) => h('li', { 'data-room': room.room },
          h('strong', { text: room.roomName ?? room.room }), ' ',
          h('span', { t: 'report.newLines', tArgs: { count: room.newLines } })))));
    }
  }

  clearFresh() {
    const change = clearFresh(this.editor.contents());
    if (change.ops.length) {
      this.editor.quill.updateContents(change, 'user');
    }
  }

  async loadOverlaps() {
    const result = await this.call('GET', '/report/overlaps');
    if (result) {
      this.overlaps = result.groups;
      this.renderOverlaps();
    }
  }

  renderOverlaps() {
    if (!this.overlaps) {
      return;
    }
    fill(this.overlapList, this.overlaps.length ? this.overlaps.map((group) => this.overlapItem(group))
      : h('li', { class: 'empty', t: 'report.noOverlaps' }));
  }

  overlapItem(group) {
    const decide = async (method) => {
      const decision = await this.call(method, `/report/overlaps/${encodeURIComponent(group.id)}`);
      if (decision) {
        toast(decision.accepted ? 'report.accepted' : 'report.undone');
        this.loadOverlaps();
      }
    };
    return h('li', { class: `overlap${group.accepted ? ' accepted' : ''}`, 'data-group': group.id },
      h('div', { class: 'row spread' },
        h('span', { class: 'chip', text: group.themeName }),
        h('strong', { class: 'raised-by', text: group.raisedBy })),
      h('ul', { class: 'overlap-members' }, group.members.map((member) => h('li', {},
        h('span', { class: 'member-room', text: member.roomName ?? member.room }),
        member.kind === 'idea' ? h('span', { class: 'chip', t: 'report.idea' }) : null,
        h('span', { class: 'member-text', text: member.text })))),
      h('div', { class: 'row' },
        group.accepted ? h('span', { class: 'status open', t: 'report.merged' }) : null,
        this.organiser
          ? h('button', {
            type: 'button',
            class: group.accepted ? 'undo-overlap' : 'primary accept-overlap',
            t: group.accepted ? 'report.undo' : 'report.accept',
            onclick: () => decide(group.accepted ? 'DELETE' : 'POST'),
          })
          : null));
  }
}
