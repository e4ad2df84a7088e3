package org.yantao.live;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What one connection is sent of one document after its snapshot: the stored ops, and the acks of
 * its own, strictly in revision order and without gaps. A client takes its revision from an ack as
 * from an op, so an ack that overtook the ops before it would make the client skip them. Ops that
 * arrive early wait here until the ones before them are through. Used only from the event loop.
 */
final class DocStream {
  private final String docId;
  private final String connectionId;
  private final String author;
  private final Consumer<String> send;
  private final Consumer<byte[]> sendEncoded;
  private final TreeMap<Long, DocEvent> waiting = new TreeMap<>();
  /**
   * Ops this connection sent again that were already applied, by id (ids are unique per author,
   * and a connection speaks for one): each copy is acked in its place.
   */
  private final Map<String, Resent> resent = new HashMap<>();
  private boolean started;
  private long lastRev;

  private record Resent(long rev, int copies) {}

  /**
   * @param author who speaks on this connection
   * @param sendEncoded sends an op's frame, already UTF-8 (see {@link Frames#op})
   */
  DocStream(String docId, String connectionId, String author, Consumer<String> send, Consumer<byte[]> sendEncoded) {
    this.docId = docId;
    this.connectionId = connectionId;
    this.author = author;
    this.send = send;
    this.sendEncoded = sendEncoded;
  }

  /** The client has the document at {@code rev} (a snapshot or a resume point); what follows it may now go out. */
  void start(long rev) {
    started = true;
    lastRev = rev;
    resent.entrySet().removeIf(e -> {
      if (e.getValue().rev() > lastRev) {
        return false;
      }
      ackCopies(e.getKey(), e.getValue().rev(), e.getValue().copies());
      return true;
    });
    deliver();
  }

  boolean started() {
    return started;
  }

  /** The last revision this connection was sent. */
  long lastRev() {
    return lastRev;
  }

  /** The newest revision waiting to go out, or -1. */
  long newestWaiting() {
    return waiting.isEmpty() ? -1 : waiting.lastKey();
  }

  /** Whether ops are waiting behind one that has not arrived (a notification went missing). */
  boolean hasGap() {
    return !waiting.isEmpty();
  }

  /**
   * Takes a stored op, from the fan-out or read from the document: sends it if it is the next one
   * (the usual case, which needs no waiting room), ignores it if it was sent, keeps it otherwise.
   */
  void offer(DocEvent event) {
    if (started && event.rev() <= lastRev) {
      return;
    }
    if (started && event.rev() == lastRev + 1 && waiting.isEmpty()) {
      sendNext(event);
      return;
    }
    waiting.putIfAbsent(event.rev(), event);
  }

  /** Sends every waiting op that follows on from the last one sent. */
  void deliver() {
    if (!started) {
      return;
    }
    while (!waiting.isEmpty() && waiting.firstKey() <= lastRev + 1) {
      DocEvent event = waiting.pollFirstEntry().getValue();
      if (event.rev() == lastRev + 1) {
        sendNext(event);
      }
    }
  }

  /**
   * A copy of an op already applied as {@code rev}: acked now if this connection was sent that
   * revision, otherwise when it is. Returns false if the ack waits.
   */
  boolean ackInPlace(String opId, long rev) {
    if (started && rev <= lastRev) {
      ackCopies(opId, rev, 1);
      return true;
    }
    resent.merge(opId, new Resent(rev, 1), (a, b) -> new Resent(a.rev(), a.copies() + 1));
    return false;
  }

  /**
   * Sends the op that follows the last one sent. The author's connection, and one that sent the op
   * again, gets an ack instead of the op.
   */
  private void sendNext(DocEvent event) {
    lastRev = event.rev();
    Resent copies = author.equals(event.author()) ? resent.remove(event.id()) : null;
    int acks = (connectionId.equals(event.origin()) ? 1 : 0) + (copies == null ? 0 : copies.copies());
    if (acks == 0) {
      sendEncoded.accept(event.frame());
    }
    ackCopies(event.id(), event.rev(), acks);
  }

  private void ackCopies(String opId, long rev, int copies) {
    for (int i = 0; i < copies; i++) {
      send.accept(Frames.ack(docId, opId, rev));
    }
  }
}
