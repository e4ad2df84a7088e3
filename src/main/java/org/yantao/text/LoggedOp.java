package org.yantao.text;

/**
 * An op as the document applied it: after transformation, with the revision it produced.
 *
 * @param id the client-chosen id, used to recognise an op sent again after a lost ack
 * @param origin the connection it came from, so the fan-out can tell the author's connection apart
 */
public record LoggedOp(long rev, String id, String author, String origin, Delta delta, long at) {}
