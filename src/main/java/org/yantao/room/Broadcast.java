package org.yantao.room;

import org.yantao.live.Identity;

/** A facilitator's message shown in a room until people dismiss it. */
public record Broadcast(String id, String text, Identity from, long at) {}
