package org.yantao.room;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node that dies cannot say goodbye for its connections: when a member leaves the cluster, the
 * presence entries it held are dropped and the rooms told.
 */
public final class PresenceJanitor implements MembershipListener {
  private static final Logger LOG = LoggerFactory.getLogger(PresenceJanitor.class);

  private final RoomService rooms;

  public PresenceJanitor(RoomService rooms) {
    this.rooms = rooms;
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    // A new member holds no connections yet.
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    String node = event.getMember().getUuid().toString();
    rooms.dropNode(node).onFailure(e -> LOG.warn("Could not drop the presence of departed member {}", node, e));
  }
}
