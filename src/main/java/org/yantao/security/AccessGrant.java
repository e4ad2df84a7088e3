package org.yantao.security;

import org.yantao.workshop.Role;

/** What a participant's token allows; stored under the token's hash, never the token itself. */
public record AccessGrant(String participantId, String workshopId, Role role, long issuedAt) {}
