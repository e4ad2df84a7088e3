package org.yantao.testing;

import java.util.function.Supplier;
import org.yantao.text.Delta;
import org.yantao.text.RichText;

/**
 * The client side of the co-editing protocol, without any transport: the local document, the op
 * in flight (sent, not yet acknowledged, with its id) and the pending edits composed behind it.
 * Incoming ops were applied by the server before the in-flight op, so they win ties against it.
 */
public final class OtClient {
  private final RichText doc;
  private final Supplier<String> ids;
  private long rev;
  private Delta inflight;
  private String inflightId;
  private long inflightBase;
  private Delta pending;

  /** @param ids names each op put in flight; unique per author, also across snapshots */
  public OtClient(Delta snapshot, long rev, Supplier<String> ids) {
    this.doc = RichText.of(snapshot);
    this.rev = rev;
    this.ids = ids;
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
    inflightId = ids.get();
    inflightBase = rev;
    pending = null;
    return inflight;
  }

  /**
   * The server acknowledged op {@code id} as revision {@code newRev}; false, changing nothing, if
   * that is not the op in flight (an ack repeated for an op sent twice).
   */
  public boolean acknowledged(String id, long newRev) {
    if (inflight == null || !id.equals(inflightId)) {
      return false;
    }
    inflight = null;
    inflightId = null;
    rev = newRev;
    return true;
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
      // The op in flight is now relative to this revision; sent again after a reconnect, it must say so.
      inflightBase = newRev;
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

  public String inflightId() {
    return inflightId;
  }

  public boolean synced() {
    return inflight == null && pending == null;
  }
}
