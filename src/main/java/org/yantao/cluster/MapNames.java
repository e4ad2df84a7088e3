package org.yantao.cluster;

/** The Hazelcast maps that hold Yantao's live state, one name each. */
public final class MapNames {
  public static final String WORKSHOPS = "yantao.workshops";
  public static final String PARTICIPANTS = "yantao.participants";
  public static final String ACCESS_TOKENS = "yantao.accessTokens";
  public static final String INVITATIONS = "yantao.invitations";
  public static final String JOIN_CODES = "yantao.joinCodes";
  public static final String DOCUMENTS = "yantao.documents";
  public static final String BOARDS = "yantao.boards";
  public static final String REPORTS = "yantao.reports";
  public static final String ROOM_LIVE = "yantao.roomLive";
  /** Who has which room open; never stored: after a restart nobody is connected. */
  public static final String PRESENCE = "yantao.presence";

  private MapNames() {}
}
