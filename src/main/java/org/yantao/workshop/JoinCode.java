package org.yantao.workshop;

/** Which workshop a join code opens. */
public record JoinCode(String workshopId) {}
