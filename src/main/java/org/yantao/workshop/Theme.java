package org.yantao.workshop;

import java.util.List;

/** One angle of the discussion, e.g. 教学 / Teaching. Rooms refer to themes by id. */
public record Theme(String id, String name, String nameEn) {

  public static List<Theme> defaults() {
    return List.of(
        new Theme("teaching", "教学", "Teaching"),
        new Theme("research", "科研", "Research"),
        new Theme("policy", "决策咨询", "Policy advice"));
  }

  /** Rooms may name a theme by its id or by either of its names. */
  public boolean answersTo(String reference) {
    return id.equals(reference) || name.equals(reference) || reference.equalsIgnoreCase(nameEn);
  }
}
