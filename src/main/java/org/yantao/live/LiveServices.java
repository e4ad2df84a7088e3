package org.yantao.live;

import com.hazelcast.map.IMap;
import io.vertx.core.Vertx;
import java.time.Clock;
import org.yantao.security.Authenticator;
import org.yantao.text.DocumentState;
import org.yantao.workshop.ParticipantService;

/** What every live session needs from the node. */
record LiveServices(
    Vertx vertx,
    Clock clock,
    Authenticator authenticator,
    ParticipantService participants,
    DocumentAccess access,
    DocumentHub hub,
    RoomHub rooms,
    IMap<String, DocumentState> documents,
    BoardHub boards) {}
