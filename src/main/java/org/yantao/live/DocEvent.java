package org.yantao.live;

/**
 * A stored op on its way to the screens of one node: its revision, id, author, origin (the
 * connection it came from) and the frame to send, as UTF-8 (see {@link Frames#op}).
 */
record DocEvent(long rev, String id, String author, String origin, byte[] frame) {}
