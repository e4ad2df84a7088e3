package org.yantao.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yantao.board.BoardMessages.add;
import static org.yantao.board.BoardMessages.edit;
import static org.yantao.board.BoardMessages.onIdea;
import static org.yantao.board.BoardMessages.open;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.Poll;
import org.yantao.testing.RawSocket;

/**
 * The idea board over real WebSockets on one node: what each person in a room sees when ideas are
 * added, edited, deleted and voted on, who may do what, and that a refused message changes nothing.
 * Each test that counts votes gets a room of its own, as votes are counted per person per room.
 */
class BoardIT {
  @RegisterExtension
  static final LiveFixture fixture = LiveFixture.withMembers(0);

  private record TestRoom(String id, List<String> tokens, List<String> participantIds) {}

  private static TestRoom room(int members) {
    String roomId = fixture.organiser.post("/api/workshops/" + fixture.workshopId + "/rooms",
        new JsonObject().put("name", "组" + UUID.randomUUID().toString().substring(0, 6))).expect(201).getString("id");
    List<String> tokens = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      JsonObject joined = fixture.join("成员" + i);
      fixture.organiser.post("/api/workshops/" + fixture.workshopId + "/rooms/" + roomId + "/members",
          new JsonObject().put("participantId", joined.getString("participantId"))).expect(200);
      tokens.add(joined.getString("token"));
      ids.add(joined.getString("participantId"));
    }
    return new TestRoom(roomId, tokens, ids);
  }

  private static RawSocket opened(String token, String roomId) {
    RawSocket ws = RawSocket.hello(fixture.vertx, fixture.node.port(), token);
    ws.send(open(roomId));
    ws.next("board.snapshot");
    return ws;
  }

  private static String invited(String role, String roomId) {
    JsonObject invitation = fixture.organiser.post("/api/workshops/" + fixture.workshopId + "/invitations",
        new JsonObject().put("role", role).put("rooms", new JsonArray().add(roomId))).expect(201);
    return fixture.node.client(fixture.vertx).post("/api/join", new JsonObject()
        .put("invitation", invitation.getString("code")).put("name", role).put("organisation", "测试党校"))
        .expect(201).getString("token");
  }

  private static JsonObject ideasOf(String roomId) {
    return fixture.organiser.get("/api/workshops/" + fixture.workshopId + "/rooms/" + roomId + "/ideas").expect(200);
  }

  private static String settingsPath(String roomId) {
    return "/api/workshops/" + fixture.workshopId + "/rooms/" + roomId + "/board/settings";
  }

  @Test
  void everyChangeReachesTheOthersInRevisionOrder() {
    TestRoom room = room(2);
    try (RawSocket author = opened(room.tokens().get(0), room.id());
         RawSocket other = opened(room.tokens().get(1), room.id())) {
      author.send(add(room.id(), "c-1", "  加强实践教学  ").put("theme", "教学").put("anonymous", false));
      JsonObject added = author.next("idea.added");
      assertThat(added.getString("ref")).isEqualTo("c-1");
      assertThat(added.getLong("rev")).isEqualTo(1);
      JsonObject idea = added.getJsonObject("idea");
      assertThat(idea.getString("text")).isEqualTo("加强实践教学");
      assertThat(idea.getString("theme")).as("a theme named by name is stored by id").isEqualTo("teaching");
      assertThat(idea.getJsonObject("author").fieldNames())
          .containsExactlyInAnyOrder("id", "name", "organisation", "role", "colour");
      assertThat(idea.getJsonObject("author").getString("id")).isEqualTo(room.participantIds().get(0));
      String ideaId = idea.getString("id");

      JsonObject seen = other.next("idea.added");
      assertThat(seen.containsKey("ref")).as("only the sender learns its client id").isFalse();
      assertThat(seen.getJsonObject("idea")).isEqualTo(idea);

      other.send(onIdea("idea.vote", room.id(), ideaId, "v-1"));
      JsonObject voted = other.next("idea.updated");
      assertThat(voted.getLong("rev")).isEqualTo(2);
      assertThat(voted.getJsonObject("idea").getInteger("votes")).isEqualTo(1);
      assertThat(voted.getJsonObject("idea").getInteger("myVotes")).isEqualTo(1);
      assertThat(other.next("board.votes").getInteger("votesLeft")).isEqualTo(2);
      JsonObject votedForAuthor = author.next("idea.updated");
      assertThat(votedForAuthor.getJsonObject("idea").getInteger("votes")).isEqualTo(1);
      assertThat(votedForAuthor.getJsonObject("idea").getInteger("myVotes")).isZero();

      other.send(onIdea("idea.unvote", room.id(), ideaId, null));
      assertThat(author.next("idea.updated").getJsonObject("idea").getInteger("votes")).isZero();
      assertThat(other.next("idea.updated").getLong("rev")).isEqualTo(3);
      assertThat(other.next("board.votes").getInteger("votesLeft")).isEqualTo(3);

      author.send(edit(room.id(), ideaId, "加强案例教学"));
      JsonObject edited = other.next("idea.updated");
      assertThat(edited.getLong("rev")).isEqualTo(4);
      assertThat(edited.getJsonObject("idea").getString("text")).isEqualTo("加强案例教学");
      assertThat(edited.getJsonObject("idea").getString("theme")).isEqualTo("teaching");

      author.send(onIdea("idea.delete", room.id(), ideaId, "d-1"));
      JsonObject deleted = other.next("idea.deleted");
      assertThat(deleted.getLong("rev")).isEqualTo(5);
      assertThat(deleted.getString("idea")).isEqualTo(ideaId);
      assertThat(author.next("idea.deleted").getLong("rev")).isEqualTo(5);

      for (RawSocket ws : List.of(author, other)) {
        assertThat(ws.all()).noneMatch(m -> m.getString("type").equals("error"));
      }
      assertThat(other.all()).filteredOn(m -> m.getString("type").equals("board.votes"))
          .as("the author never voted, so is never told of votes").hasSize(2);
      assertThat(author.all()).noneMatch(m -> m.getString("type").equals("board.votes"));
    }
    JsonObject board = ideasOf(room.id());
    assertThat(board.getLong("rev")).isEqualTo(5);
    assertThat(board.getJsonArray("ideas")).isEmpty();
  }

  @Test
  void anAddSentAgainIsAnsweredWithTheSameIdeaAndAddsNothing() {
    TestRoom room = room(2);
    try (RawSocket author = opened(room.tokens().get(0), room.id());
         RawSocket other = opened(room.tokens().get(1), room.id())) {
      author.send(add(room.id(), "same", "只加一次"));
      JsonObject first = author.next("idea.added");
      author.send(add(room.id(), "same", "只加一次"));
      JsonObject again = author.next("idea.added");
      assertThat(again.getString("ref")).isEqualTo("same");
      assertThat(again.getLong("rev")).isEqualTo(first.getLong("rev"));
      assertThat(again.getJsonObject("idea").getString("id")).isEqualTo(first.getJsonObject("idea").getString("id"));

      other.send(add(room.id(), "same", "别人的同号消息"));
      assertThat(other.next(m -> "same".equals(m.getString("ref")), "its own idea").getLong("rev"))
          .as("another client's id is its own").isEqualTo(2);
      assertThat(author.next("idea.added").getLong("rev")).isEqualTo(2);
      assertThat(other.all()).filteredOn(m -> m.getString("type").equals("idea.added")).hasSize(2);
    }
    assertThat(ideasOf(room.id()).getJsonArray("ideas")).hasSize(2);
  }

  @Test
  void theVoteLimitHoldsWhenOnePersonVotesTenTimesAtOnceFromThreeTabs() {
    TestRoom room = room(1);
    String token = room.tokens().get(0);
    List<String> ideaIds = new ArrayList<>();
    List<RawSocket> tabs = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        tabs.add(opened(token, room.id()));
      }
      for (int i = 0; i < 10; i++) {
        tabs.get(0).send(add(room.id(), "c-" + i, "观点" + i));
        ideaIds.add(tabs.get(0).next(m -> m.getString("type").equals("idea.added") && m.containsKey("ref"), "own idea")
            .getJsonObject("idea").getString("id"));
      }
      tabs.forEach(RawSocket::skipUnread);
      for (int i = 0; i < 10; i++) {
        tabs.get(i % 3).send(onIdea("idea.vote", room.id(), ideaIds.get(i), "v-" + i));
      }
      // Every tab hears of every accepted vote; each tab hears only of its own refused ones.
      Poll.until(() -> refusals(tabs).size() + ofType(tabs.get(0), "idea.updated").size() >= 10, 30);
      assertThat(refusals(tabs)).hasSize(7).allMatch(e -> e.getString("code").equals("vote.limit"));
      for (RawSocket tab : tabs) {
        assertThat(ofType(tab, "idea.updated")).hasSize(3);
        assertThat(tab.next(m -> m.getString("type").equals("board.votes") && m.getInteger("votesLeft") == 0,
            "no votes left")).isNotNull();
      }
    } finally {
      tabs.forEach(RawSocket::close);
    }
    JsonObject board = ideasOf(room.id());
    int votes = board.getJsonArray("ideas").stream().mapToInt(i -> ((JsonObject) i).getInteger("votes")).sum();
    assertThat(votes).isEqualTo(3);
    assertThat(board.getLong("rev")).as("ten adds and three votes").isEqualTo(13);
  }

  private static List<JsonObject> ofType(RawSocket ws, String type) {
    return ws.unread().stream().filter(m -> m.getString("type").equals(type)).toList();
  }

  private static List<JsonObject> refusals(List<RawSocket> tabs) {
    return tabs.stream().flatMap(tab -> ofType(tab, "error").stream()).toList();
  }

  private static JsonObject snapshotOf(RawSocket ws) {
    return ws.all().stream().filter(m -> m.getString("type").equals("board.snapshot")).findFirst().orElseThrow();
  }

  @Test
  void stackingDecidesWhetherOnePersonPutsSeveralVotesOnOneIdea() {
    TestRoom room = room(1);
    try (RawSocket voter = opened(room.tokens().get(0), room.id())) {
      voter.send(add(room.id(), "c", "值得多投"));
      String ideaId = voter.next("idea.added").getJsonObject("idea").getString("id");
      voter.send(onIdea("idea.vote", room.id(), ideaId, "v-1"));
      voter.next("board.votes");
      voter.send(onIdea("idea.vote", room.id(), ideaId, "v-2"));
      JsonObject duplicate = voter.nextError();
      assertThat(duplicate.getString("code")).isEqualTo("vote.duplicate");
      assertThat(duplicate.getString("ref")).isEqualTo("v-2");

      fixture.organiser.put(settingsPath(room.id()), new JsonObject().put("stacking", true).put("votesPerParticipant", 4))
          .expect(200);
      JsonObject settings = voter.next("board.settings");
      assertThat(settings.getJsonObject("settings"))
          .isEqualTo(new JsonObject().put("votesPerParticipant", 4).put("stacking", true).put("anonymous", true));
      assertThat(settings.getInteger("votesLeft")).isEqualTo(3);
      for (int i = 0; i < 3; i++) {
        voter.send(onIdea("idea.vote", room.id(), ideaId, "s-" + i));
      }
      JsonObject last = voter.next(m -> m.getString("type").equals("idea.updated") && m.getJsonObject("idea").getInteger("myVotes") == 4,
          "four votes on the idea");
      assertThat(last.getJsonObject("idea").getInteger("votes")).isEqualTo(4);
      voter.send(onIdea("idea.vote", room.id(), ideaId, "s-4"));
      assertThat(voter.nextError().getString("code")).isEqualTo("vote.limit");
    }
  }

  @Test
  void anonymousIdeasShowNoAuthorToAnyoneAndSignedOnesDo() {
    TestRoom room = room(1);
    String facilitator = invited("facilitator", room.id());
    try (RawSocket author = opened(room.tokens().get(0), room.id());
         RawSocket staff = opened(facilitator, room.id());
         RawSocket organiser = opened(fixture.node.organiserKey(), room.id())) {
      author.send(add(room.id(), "anon", "匿名的意见"));
      author.send(add(room.id(), "signed", "署名的意见").put("anonymous", false));
      for (RawSocket ws : List.of(author, staff, organiser)) {
        JsonObject anonymous = ws.next("idea.added").getJsonObject("idea");
        assertThat(anonymous.containsKey("author")).isTrue();
        assertThat(anonymous.getValue("author")).isNull();
        assertThat(ws.next("idea.added").getJsonObject("idea").getJsonObject("author").getString("name")).isEqualTo("成员0");
      }
      try (RawSocket late = opened(fixture.node.organiserKey(), room.id())) {
        JsonArray ideas = snapshotOf(late).getJsonArray("ideas");
        assertThat(ideas.getJsonObject(0).getValue("author")).isNull();
        assertThat(ideas.getJsonObject(1).getJsonObject("author").getString("id")).isEqualTo(room.participantIds().get(0));
      }
      JsonArray report = fixture.organiser.get("/api/workshops/" + fixture.workshopId + "/ideas").expect(200).getJsonArray("ideas");
      List<JsonObject> mine = report.stream().map(JsonObject.class::cast).filter(i -> i.getString("room").equals(room.id())).toList();
      assertThat(mine).hasSize(2);
      assertThat(mine.get(0).getValue("author")).isNull();
      assertThat(mine.get(1).getJsonObject("author"))
          .isEqualTo(new JsonObject().put("name", "成员0").put("organisation", "测试党校"));

      fixture.organiser.put(settingsPath(room.id()), new JsonObject().put("anonymous", false)).expect(200);
      author.next("board.settings");
      author.send(add(room.id(), "anon-2", "还想匿名").put("anonymous", true));
      JsonObject refused = author.nextError();
      assertThat(refused.getString("code")).isEqualTo("idea.anonymous_off");
      assertThat(refused.getString("ref")).isEqualTo("anon-2");
      assertThat(ideasOf(room.id()).getJsonArray("ideas").getJsonObject(0).getValue("author"))
          .as("an idea posted anonymously stays anonymous").isNull();
    }
  }

  @Test
  void observersOutsidersOtherAuthorsAndClosedRoomsAreRefused() {
    TestRoom room = room(2);
    TestRoom elsewhere = room(1);
    try (RawSocket author = opened(room.tokens().get(0), room.id());
         RawSocket other = opened(room.tokens().get(1), room.id())) {
      author.send(add(room.id(), "c", "我的观点"));
      String ideaId = author.next("idea.added").getJsonObject("idea").getString("id");

      other.send(edit(room.id(), ideaId, "改别人的").put("id", "e-1"));
      assertThat(other.nextError().getString("code")).isEqualTo("idea.forbidden");
      other.send(onIdea("idea.delete", room.id(), ideaId, "d-1"));
      assertThat(other.nextError().getString("code")).isEqualTo("idea.forbidden");

      try (RawSocket observer = opened(invited("observer", room.id()), room.id())) {
        observer.send(add(room.id(), "o", "旁观者的观点"));
        assertThat(observer.nextError().getString("code")).isEqualTo("board.read_only");
        observer.send(onIdea("idea.vote", room.id(), ideaId, "o-v"));
        assertThat(observer.nextError().getString("code")).isEqualTo("board.read_only");
      }
      try (RawSocket outsider = RawSocket.hello(fixture.vertx, fixture.node.port(), elsewhere.tokens().get(0))) {
        outsider.send(open(room.id()).put("id", "open-1"));
        JsonObject refused = outsider.nextError();
        assertThat(refused.getString("code")).isEqualTo("room.forbidden");
        assertThat(refused.getString("ref")).isEqualTo("open-1");
        outsider.send(add(room.id(), "x", "没打开就写"));
        assertThat(outsider.nextError().getString("code")).isEqualTo("room.not_joined");
        outsider.send(open("r-no-such-room"));
        assertThat(outsider.nextError().getString("code")).isEqualTo("room.not_found");
      }
      try (RawSocket facilitator = opened(invited("facilitator", room.id()), room.id())) {
        facilitator.send(edit(room.id(), ideaId, "主持人整理过"));
        assertThat(facilitator.next("idea.updated").getJsonObject("idea").getString("text")).isEqualTo("主持人整理过");
      }
      long rev = ideasOf(room.id()).getLong("rev");

      fixture.organiser.patch("/api/workshops/" + fixture.workshopId + "/rooms/" + room.id(),
          new JsonObject().put("status", "closed")).expect(200);
      author.send(add(room.id(), "late", "关门后"));
      assertThat(author.nextError().getString("code")).isEqualTo("room.closed");
      author.send(onIdea("idea.vote", room.id(), ideaId, null));
      assertThat(author.nextError().getString("code")).isEqualTo("room.closed");
      try (RawSocket reader = opened(room.tokens().get(1), room.id())) {
        assertThat(snapshotOf(reader).getLong("rev")).as("a closed room's board is still read").isEqualTo(rev);
      }
      assertThat(ideasOf(room.id()).getLong("rev")).isEqualTo(rev);
    }
  }

  @Test
  void badInputChangesNothing() {
    TestRoom room = room(1);
    try (RawSocket ws = opened(room.tokens().get(0), room.id())) {
      ws.send(add(room.id(), "keep", "留着"));
      String ideaId = ws.next("idea.added").getJsonObject("idea").getString("id");
      JsonObject before = ideasOf(room.id());

      List<JsonObject> bad = List.of(
          add(room.id(), "empty", "   "),
          add(room.id(), "long", "长".repeat(501)),
          add(room.id(), "theme", "主题不对").put("theme", "no-such-theme"),
          add(room.id(), "number", "x").put("text", 42),
          add(room.id(), "flag", "x").put("anonymous", "yes"),
          new JsonObject().put("type", "idea.add").put("room", room.id()).put("text", "no client id"),
          new JsonObject().put("type", "idea.add").put("room", 123).put("id", "room-type").put("text", "x"),
          edit(room.id(), ideaId, "").put("id", "edit-empty"),
          edit(room.id(), "i-unknown", "找不到").put("id", "edit-unknown"),
          new JsonObject().put("type", "idea.edit").put("room", room.id()).put("idea", ideaId).put("id", "edit-nothing"),
          onIdea("idea.vote", room.id(), "i-unknown", "vote-unknown"),
          onIdea("idea.unvote", room.id(), ideaId, "unvote-none"),
          onIdea("idea.delete", room.id(), "i-unknown", "delete-unknown"),
          new JsonObject().put("type", "idea.vote").put("room", room.id()).put("idea", List.of("x")).put("id", "idea-type"));
      List<String> expected = List.of("idea.text_invalid", "idea.text_invalid", "idea.theme_unknown", "message.invalid",
          "message.invalid", "message.invalid", "message.invalid", "idea.text_invalid", "idea.not_found",
          "message.invalid", "idea.not_found", "vote.none", "idea.not_found", "message.invalid");
      for (int i = 0; i < bad.size(); i++) {
        ws.send(bad.get(i));
        JsonObject error = ws.nextError();
        assertThat(error.getString("code")).as("the answer to %s", bad.get(i)).isEqualTo(expected.get(i));
        if (bad.get(i).getValue("id") instanceof String ref) {
          assertThat(error.getString("ref")).isEqualTo(ref);
        }
      }
      assertThat(ideasOf(room.id())).isEqualTo(before);
      assertThat(ws.unread()).noneMatch(m -> m.getString("type").startsWith("idea."));
    }
  }

  @Test
  void settingsAndListsOverRestAreForStaff() {
    TestRoom room = room(1);
    String member = room.tokens().get(0);
    var asMember = fixture.node.client(fixture.vertx).withToken(member);
    asMember.put(settingsPath(room.id()), new JsonObject().put("stacking", true)).expectError(403, "auth.forbidden");
    asMember.get("/api/workshops/" + fixture.workshopId + "/ideas").expectError(403, "auth.forbidden");
    assertThat(asMember.get("/api/workshops/" + fixture.workshopId + "/rooms/" + room.id() + "/ideas").expect(200)
        .getInteger("votesLeft")).isEqualTo(3);
    String outsider = room(1).tokens().get(0);
    fixture.node.client(fixture.vertx).withToken(outsider)
        .get("/api/workshops/" + fixture.workshopId + "/rooms/" + room.id() + "/ideas").expectError(403, "room.forbidden");

    fixture.organiser.put(settingsPath(room.id()), new JsonObject().put("votesPerParticipant", 0)).expectError(400, "request.invalid");
    fixture.organiser.put(settingsPath(room.id()), new JsonObject().put("votesPerParticipant", 51)).expectError(400, "request.invalid");
    fixture.organiser.put(settingsPath(room.id()), new JsonObject().put("colour", "red")).expectError(400, "request.invalid");
    fixture.organiser.put(settingsPath("r-no-such-room"), new JsonObject().put("stacking", true)).expectError(404, "room.not_found");
    assertThat(ideasOf(room.id()).getLong("rev")).as("refused settings change nothing").isZero();

    var facilitator = fixture.node.client(fixture.vertx).withToken(invited("facilitator", room.id()));
    JsonObject changed = facilitator.put(settingsPath(room.id()), new JsonObject().put("votesPerParticipant", 5)).expect(200);
    assertThat(changed.getLong("rev")).isEqualTo(1);
    assertThat(changed.getJsonObject("settings"))
        .isEqualTo(new JsonObject().put("votesPerParticipant", 5).put("stacking", false).put("anonymous", true));
    assertThat(ideasOf(room.id()).getJsonObject("settings").getInteger("votesPerParticipant")).isEqualTo(5);
  }
}
