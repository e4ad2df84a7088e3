package org.yantao.testing;

import org.yantao.text.Delta;
import org.yantao.text.RichText;

/**
 * The client side of the co-editing protocol, without any transport: the local document, the op
 * in flight (sent, not yet acknowledged) and the pending edits composed behind it. Incoming ops
 * were applied by the server before the in-flight op, so they win ties against it.
 */
public final class OtClient {
  private final RichText doc;
  private long rev;
  private Delta inflight;
  private long inflightBase;
  private Delta pending;

  public OtClient(Delta snapshot, long rev) {
    this.doc = RichText.of(snapshot);
    this.rev = rev;
  }

  /** A local edit; returns the op to send now, or null if it waits behind the op in flight. */
  public Delta edit(Delta change) {
    doc.apply(change);
    pending = pending == null ? change : pending.compose(change);
    return inflight == null ? takePending() : null;
  }

  /** Starts sending the pending edits when nothing is in flight; null if there is nothing to send. */
  public Delta takePending() {
    if (inflight != null || pending == null) {
      return null;
    }
    inflight = pending;
    inflightBase = rev;
    pending = null;
    return inflight;
  }

  /** The server acknowledged the op in flight as revision {@code newRev}. */
  public void acknowledged(long newRev) {
    inflight = null;
    rev = newRev;
  }

  /** Another client's op, as the server applied it at revision {@code newRev}; returns it as applied here. */
  public Delta remote(long newRev, Delta op) {
    if (newRev != rev + 1) {
      throw new IllegalStateException("Expected revision " + (rev + 1) + " but received " + newRev);
    }
    Delta incoming = op;
    if (inflight != null) {
      Delta transformedInflight = incoming.transform(inflight, true);
      incoming = inflight.transform(incoming, false);
      inflight = transformedInflight;
    }
    if (pending != null) {
      Delta transformedPending = incoming.transform(pending, true);
      incoming = pending.transform(incoming, false);
      pending = transformedPending;
    }
    doc.apply(incoming);
    rev = newRev;
    return incoming;
  }

  public RichText doc() {
    return doc;
  }

  public long rev() {
    return rev;
  }

  public long inflightBase() {
    return inflightBase;
  }

  public Delta inflight() {
    return inflight;
  }

  public boolean synced() {
    return inflight == null && pending == null;
  }
}
