package org.yantao.workshop;

/** Someone who joined a workshop. Where they sit (room, facilitation) is kept in the workshop. */
public record Participant(
    String id, String workshopId, String name, String organisation, Role role, long joinedAt) {}
