package org.yantao.room;

import org.yantao.live.Identity;

/** Someone waiting for the facilitator, since {@code at}. */
public record RaisedHand(Identity person, long at) {}
