package org.yantao.live;

/** A stored op on its way to the screens of one node: its revision, id, origin and the frame to send. */
record DocEvent(long rev, String id, String origin, String frame) {}
