package org.yantao.board;

import org.yantao.workshop.Role;

/**
 * An idea's author as others see them. Kept with the idea (people are not renamed), so a board can
 * be shown without looking up everyone who wrote on it.
 */
public record Person(String id, String name, String organisation, Role role, String colour) {}
