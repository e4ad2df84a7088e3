package org.yantao.live;

/**
 * A stored op on its way to the screens of one node: its revision, id, origin and the frame to
 * send, as UTF-8 (see {@link Frames#op}).
 */
record DocEvent(long rev, String id, String origin, byte[] frame) {}
