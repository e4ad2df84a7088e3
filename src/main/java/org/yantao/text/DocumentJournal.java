package org.yantao.text;

import java.util.List;

/**
 * Where the owner of a document hands applied ops to be made durable. Called on Hazelcast's
 * partition thread, so implementations only enqueue; they store in order and acknowledge later.
 */
public interface DocumentJournal {

  /**
   * @param mayExist the ops may already be stored (a member that just took over a document
   *     re-hands the ops its predecessor may not have stored)
   */
  void append(String docId, List<LoggedOp> ops, boolean mayExist);

  void snapshot(String docId, DocumentSnapshot snapshot);

  /**
   * The ops stored after {@code afterRev}, oldest first. Blocking: called only by a member that has
   * just taken a document over, once.
   */
  List<LoggedOp> storedAfter(String docId, long afterRev);
}
