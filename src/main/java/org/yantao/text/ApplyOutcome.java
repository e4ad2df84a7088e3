package org.yantao.text;

/** What became of an op sent to a document. */
public record ApplyOutcome(Status status, long rev, String code, String message) {

  public enum Status {
    /** Applied now as revision {@code rev}; the journal will acknowledge it once it is stored. */
    APPLIED,
    /** Applied before as revision {@code rev}; {@code durable} tells whether it is stored yet. */
    DUPLICATE_DURABLE,
    DUPLICATE_PENDING,
    /** The client is further behind than the log reaches; it must reload the snapshot. */
    RESYNC,
    /** The op cannot apply; the document is unchanged. */
    REJECTED
  }

  static ApplyOutcome applied(long rev) {
    return new ApplyOutcome(Status.APPLIED, rev, null, null);
  }

  static ApplyOutcome duplicate(long rev, boolean durable) {
    return new ApplyOutcome(durable ? Status.DUPLICATE_DURABLE : Status.DUPLICATE_PENDING, rev, null, null);
  }

  static ApplyOutcome resync(long rev) {
    return new ApplyOutcome(Status.RESYNC, rev, "resync", "the op is based on a revision older than the server keeps; reload the document");
  }

  public static ApplyOutcome rejected(long rev, String code, String message) {
    return new ApplyOutcome(Status.REJECTED, rev, code, message);
  }
}
