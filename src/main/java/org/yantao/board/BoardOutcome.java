package org.yantao.board;

import java.util.List;
import org.yantao.error.DomainException;
import org.yantao.error.ErrorKind;

/**
 * What a change answers: the event, or why it was refused. A refusal is an answer, not a failure:
 * thrown out of an entry processor, Hazelcast would log every vote over the limit as an error.
 */
public record BoardOutcome(BoardEvent event, Refusal refusal) {

  public record Refusal(ErrorKind kind, String code, List<String> args) {
    public Refusal {
      args = List.copyOf(args);
    }

    static Refusal of(DomainException e) {
      return new Refusal(e.kind(), e.code(), e.args());
    }

    public DomainException exception() {
      return new DomainException(kind, code, args.toArray());
    }
  }
}
