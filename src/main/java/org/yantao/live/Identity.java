package org.yantao.live;

import org.yantao.workshop.Participant;
import org.yantao.workshop.Role;

/** Who is behind a connection, as collaborators see them: name, organisation and a colour. */
public record Identity(String id, String name, String organisation, Role role, String colour) {
  /** Distinct, readable on white, and stable per person so a cursor keeps its colour. */
  private static final String[] PALETTE = {
    "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
    "#8c564b", "#e377c2", "#bcbd22", "#3f51b5", "#009688", "#795548"
  };

  public static final Identity ORGANISER = new Identity("organiser", "组织者 Organiser", "", Role.ORGANISER, colourOf("organiser"));

  public static Identity of(Participant p) {
    return new Identity(p.id(), p.name(), p.organisation(), p.role(), colourOf(p.id()));
  }

  static String colourOf(String id) {
    return PALETTE[Math.floorMod(id.hashCode(), PALETTE.length)];
  }
}
