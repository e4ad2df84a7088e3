// The client side of the co-editing protocol (docs/protocol.md, "Documents"): one op in flight,
// later edits composed into one pending op, incoming ops transformed past both. The confirmed
// server text, its revision and every unacknowledged edit are kept in localStorage, so edits made
// offline survive a reload and are sent when the connection is back.
import Delta from 'quill-delta';
import { read, write } from './store.js';

export class DocSync {
  /**
   * view: { apply(delta) — show a change from others; reset(delta) — show a whole new text;
   *         flushLocal() — hand over edits the editor still holds; changed() — state to show }.
   */
  constructor(live, docId, participantId, view) {
    this.live = live;
    this.docId = docId;
    this.view = view;
    this.storageKey = `yantao.doc.${participantId}.${docId}`;
    this.content = null;
    this.rev = null;
    this.inflight = null;
    this.pending = null;
    this.pendingCount = 0;
    this.opened = false;
    this.writable = false;
    this.holdSending = false;
    this.recentOps = [];
    const saved = read(this.storageKey);
    if (saved && typeof saved.rev === 'number') {
      this.content = new Delta(saved.content);
      this.rev = saved.rev;
      this.inflight = saved.inflight ? { ...saved.inflight, delta: new Delta(saved.inflight.delta) } : null;
      this.pending = saved.pending ? new Delta(saved.pending) : null;
      this.pendingCount = saved.pendingCount ?? 0;
    }
    live.on('doc.snapshot', (m) => m.doc === docId && this.snapshot(m));
    live.on('doc.resumed', (m) => m.doc === docId && this.resumed(m));
    live.on('doc.op', (m) => m.doc === docId && this.remote(m));
    live.on('doc.ack', (m) => m.doc === docId && this.ack(m.id, m.rev));
    live.on('error', (m) => m.doc === docId && this.refused(m));
    live.onReady(() => this.open());
  }

  /** The text as this browser last knew it, with its own unsent edits; null before the first snapshot. */
  localText() {
    if (!this.content) {
      return null;
    }
    let doc = this.content;
    if (this.inflight) {
      doc = doc.compose(this.inflight.delta);
    }
    if (this.pending) {
      doc = doc.compose(this.pending);
    }
    return doc;
  }

  /** How many of this person's edits the server has not confirmed yet. */
  unsent() {
    return (this.inflight?.count ?? 0) + this.pendingCount;
  }

  open() {
    this.opened = false;
    const msg = { type: 'doc.open', doc: this.docId };
    if (this.rev != null) {
      msg.rev = this.rev;
    }
    this.live.send(msg);
  }

  /** An edit made in this browser, against the text the editor shows. */
  local(delta) {
    this.pending = this.pending ? this.pending.compose(delta) : delta;
    this.pendingCount += 1;
    this.save();
    this.flush();
  }

  /** Holds edits back while an input method composes, so half-composed text is never sent. */
  hold(held) {
    this.holdSending = held;
    if (!held) {
      this.flush();
    }
  }

  flush() {
    if (this.inflight || !this.pending || !this.opened || !this.writable || this.holdSending || !this.live.connected) {
      return;
    }
    this.inflight = { id: this.live.newId('op'), delta: this.pending, count: this.pendingCount };
    this.pending = null;
    this.pendingCount = 0;
    this.save();
    this.sendInflight();
  }

  sendInflight() {
    this.live.send({ type: 'doc.op', doc: this.docId, rev: this.rev, id: this.inflight.id, delta: { ops: this.inflight.delta.ops } });
  }

  snapshot(m) {
    const incoming = new Delta(m.delta);
    const unsent = this.localUnsent();
    this.writable = m.writable;
    this.recentOps = [];
    if (this.content && unsent) {
      // The server could not replay what this browser missed: carry the unsent edits over the
      // difference between the text they were made on and the server's text. New ids, so that
      // nothing the server may already hold is mistaken for them.
      const change = this.content.diff(incoming);
      this.inflight = null;
      this.pending = change.transform(unsent, true);
      this.pendingCount = Math.max(1, this.unsentCountBefore);
      this.view.apply(unsent.transform(change, false));
    } else {
      this.inflight = null;
      this.pending = null;
      this.pendingCount = 0;
      this.view.reset(incoming);
    }
    this.content = incoming;
    this.rev = m.rev;
    this.opened = true;
    this.save();
    this.view.changed();
    this.flush();
  }

  localUnsent() {
    this.unsentCountBefore = this.unsent();
    let unsent = this.inflight ? this.inflight.delta : null;
    if (this.pending) {
      unsent = unsent ? unsent.compose(this.pending) : this.pending;
    }
    return unsent;
  }

  resumed(m) {
    this.writable = m.writable;
    this.opened = true;
    if (this.inflight && this.writable) {
      this.sendInflight();
    }
    this.view.changed();
    this.flush();
  }

  ack(id, rev) {
    if (!this.inflight || this.inflight.id !== id) {
      return;
    }
    this.content = this.content.compose(this.inflight.delta);
    this.rev = rev;
    this.inflight = null;
    this.save();
    this.view.changed();
    this.flush();
  }

  remote(m) {
    if (this.inflight && m.id === this.inflight.id && m.author === this.live.me?.id) {
      this.ack(m.id, m.rev);
      return;
    }
    if (this.rev != null && m.rev <= this.rev) {
      return;
    }
    this.view.flushLocal();
    const applied = new Delta(m.delta);
    let change = applied;
    this.content = this.content.compose(applied);
    if (this.inflight) {
      const inflight = change.transform(this.inflight.delta, true);
      change = this.inflight.delta.transform(change, false);
      this.inflight = { ...this.inflight, delta: inflight };
    }
    if (this.pending) {
      const pending = change.transform(this.pending, true);
      change = this.pending.transform(change, false);
      this.pending = pending;
    }
    this.rev = m.rev;
    this.recentOps.push({ rev: m.rev, delta: applied });
    if (this.recentOps.length > 200) {
      this.recentOps.shift();
    }
    this.save();
    this.view.apply(change);
    this.view.changed();
  }

  refused(m) {
    if (m.code === 'resync' || m.code === 'rev.future') {
      this.rev = null;
      this.live.send({ type: 'doc.open', doc: this.docId });
    } else if (m.code === 'doc.read_only') {
      this.writable = false;
      this.view.changed();
    }
  }

  /**
   * Where a position another person reported at revision rev is in the text this browser shows:
   * moved along every op applied since, then past this browser's own unsent edits.
   */
  position(index, rev) {
    let at = index;
    for (const op of this.recentOps) {
      if (op.rev > rev) {
        at = op.delta.transformPosition(at);
      }
    }
    if (this.inflight) {
      at = this.inflight.delta.transformPosition(at);
    }
    if (this.pending) {
      at = this.pending.transformPosition(at);
    }
    return at;
  }

  save() {
    if (!this.content) {
      return;
    }
    write(this.storageKey, {
      rev: this.rev,
      content: this.content.ops,
      inflight: this.inflight ? { id: this.inflight.id, delta: this.inflight.delta.ops, count: this.inflight.count } : null,
      pending: this.pending ? this.pending.ops : null,
      pendingCount: this.pendingCount,
    });
  }
}
