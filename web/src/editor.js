// The findings editor: Quill 2 bound to a DocSync. Others' changes are applied as 'api' changes
// (so undo only takes back one's own), and while an input method is composing they wait: changing
// the text under a composition would break it, and its characters would be lost.
import Quill from 'quill';
import QuillCursors from 'quill-cursors/core';
import Delta from 'quill-delta';
import { DocSync } from './ot.js';
import { keepReportAttributesOnEnter, registerReportFormats } from './report-lines.js';

Quill.register('modules/cursors', QuillCursors);

const TOOLBAR = [[{ header: 2 }, { header: 3 }], ['bold', 'italic'], [{ list: 'ordered' }, { list: 'bullet' }], ['link'], ['clean']];
// The report's themes are level 1 headings, its rooms level 2.
const REPORT_TOOLBAR = [[{ header: 1 }, { header: 2 }, { header: 3 }], ...TOOLBAR.slice(1)];
const TOOLBAR_LABELS = {
  'ql-header[value="1"]': 'editor.heading1',
  'ql-header[value="2"]': 'editor.heading2',
  'ql-header[value="3"]': 'editor.heading3',
  'ql-bold': 'editor.bold',
  'ql-italic': 'editor.italic',
  'ql-list[value="ordered"]': 'editor.numbered',
  'ql-list[value="bullet"]': 'editor.bullets',
  'ql-link': 'editor.link',
  'ql-clean': 'editor.clean',
};
const CURSOR_SEND_MS = 150;

export class FindingsEditor {
  /** options.report: the consolidated report, whose lines carry provenance, fresh and overlap. */
  constructor(container, live, docId, participantId, onChange, options = {}) {
    if (options.report) {
      registerReportFormats();
    }
    this.live = live;
    this.onChange = onChange;
    this.deferred = null;
    this.composing = false;
    this.quill = new Quill(container, {
      theme: 'snow',
      modules: {
        toolbar: options.report ? REPORT_TOOLBAR : TOOLBAR,
        history: { userOnly: true, delay: 500 },
        cursors: { transformOnTextChange: false, hideDelayMs: 3000, selectionChangeSource: null },
      },
    });
    if (options.report) {
      keepReportAttributesOnEnter(this.quill);
    }
    this.quill.root.setAttribute('role', 'textbox');
    this.quill.root.setAttribute('aria-multiline', 'true');
    this.labelToolbar(container.previousElementSibling);
    this.cursors = this.quill.getModule('cursors');
    this.others = new Map();
    this.sync = new DocSync(live, docId, participantId, {
      apply: (delta) => this.applyRemote(delta),
      reset: (delta) => this.reset(delta),
      flushLocal: () => this.quill.update(Quill.sources.USER),
      changed: () => this.changed(),
    });
    const local = this.sync.localText();
    if (local) {
      this.quill.setContents(local, Quill.sources.SILENT);
    }
    this.quill.history.clear();
    this.quill.disable();

    this.quill.on(Quill.events.TEXT_CHANGE, (delta, old, source) => this.edited(delta, source));
    this.quill.on(Quill.events.SELECTION_CHANGE, () => this.cursorMoved());
    this.quill.on(Quill.events.COMPOSITION_START, () => {
      this.composing = true;
      this.sync.hold(true);
    });
    this.quill.on(Quill.events.COMPOSITION_END, () => {
      this.composing = false;
      this.applyDeferred();
      // Quill marks the composition finished only after this event; send once it has.
      queueMicrotask(() => this.sync.hold(false));
    });
    live.on('doc.cursor', (m) => m.doc === docId && this.remoteCursor(m));
    this.changed();
  }

  labelToolbar(toolbar) {
    if (!toolbar) {
      return;
    }
    this.toolbar = toolbar;
    toolbar.setAttribute('role', 'toolbar');
    for (const [selector, key] of Object.entries(TOOLBAR_LABELS)) {
      const [cls, attr] = selector.split('[');
      const button = toolbar.querySelector(`button.${cls}${attr ? `[${attr}` : ''}`);
      if (button) {
        button.dataset.i18nLabel = key;
        button.dataset.i18nTitle = key;
      }
    }
  }

  edited(delta, source) {
    if (source !== Quill.sources.USER) {
      return;
    }
    let change = delta;
    if (this.deferred) {
      // Others' changes wait for the composition to end; this edit was made on the text without them.
      const deferred = this.deferred;
      change = deferred.transform(delta, true);
      this.deferred = delta.transform(deferred, false);
    }
    this.sync.local(change);
    this.changed();
  }

  applyRemote(delta) {
    if (this.composing) {
      this.deferred = this.deferred ? this.deferred.compose(delta) : delta;
    } else {
      this.quill.updateContents(delta, Quill.sources.API);
    }
    this.moveCursors();
  }

  applyDeferred() {
    if (this.deferred) {
      const deferred = this.deferred;
      this.deferred = null;
      this.quill.updateContents(deferred, Quill.sources.API);
    }
  }

  reset(delta) {
    this.deferred = null;
    this.quill.setContents(delta, Quill.sources.API);
    this.quill.history.clear();
  }

  /** Inserts text as if typed: it becomes an ordinary edit of this person, sent and undoable. */
  insertLines(index, text, formats) {
    const change = new Delta().retain(index).insert(text).insert('\n', formats ?? {});
    this.quill.updateContents(change, Quill.sources.USER);
  }

  contents() {
    return this.quill.getContents();
  }

  changed() {
    // The revision this editor has seen, for people debugging a room and for the browser tests.
    this.quill.container.dataset.rev = String(this.sync.rev ?? -1);
    const writable = this.sync.opened && this.sync.writable;
    const hasText = this.sync.content != null;
    // Before the first snapshot there is nothing to edit; offline, edits go on locally.
    this.quill.enable(hasText && (writable || !this.sync.opened) && !this.readOnly);
    this.onChange?.();
  }

  setReadOnly(readOnly) {
    this.readOnly = readOnly;
    this.changed();
  }

  cursorMoved() {
    clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => {
      const range = this.quill.getSelection();
      if (range && this.sync.opened) {
        this.live.send({ type: 'doc.cursor', doc: this.sync.docId, index: range.index, length: range.length });
      }
    }, CURSOR_SEND_MS);
  }

  remoteCursor(m) {
    if (m.author === this.live.me?.id) {
      return;
    }
    if (m.index == null) {
      this.others.delete(m.author);
      this.cursors.removeCursor(m.author);
      return;
    }
    this.others.set(m.author, m);
    this.cursors.createCursor(m.author, m.name, m.colour);
    this.moveCursors();
  }

  moveCursors() {
    const length = this.quill.getLength();
    for (const [author, m] of this.others) {
      const start = Math.min(this.sync.position(m.index, m.rev), length - 1);
      const end = Math.min(this.sync.position(m.index + m.length, m.rev), length - 1);
      this.cursors.moveCursor(author, { index: start, length: Math.max(0, end - start) });
    }
  }

  /** Forgets cursors of people who left. */
  keepCursorsOf(presentIds) {
    for (const author of [...this.others.keys()]) {
      if (!presentIds.has(author)) {
        this.others.delete(author);
        this.cursors.removeCursor(author);
      }
    }
  }
}
