package org.yantao.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yantao.testing.ApiClient;
import org.yantao.testing.Reply;
import org.yantao.testing.TestNode;

/** The REST contract (openapi/yantao.yaml) end to end over HTTP: what each endpoint does and refuses. */
@ExtendWith(VertxExtension.class)
class WorkshopApiIT {
  private static final String JOIN_CODE_PATTERN = "[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}";

  @TempDir
  static Path dataDir;

  static TestNode node;
  static ApiClient anonymous;
  static ApiClient organiser;

  @BeforeAll
  static void startNode(Vertx vertx) throws Exception {
    node = TestNode.start(dataDir);
    anonymous = node.client(vertx);
    organiser = node.organiser(vertx);
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  static JsonObject createWorkshop(JsonObject body) {
    return organiser.post("/api/workshops", body).expect(201);
  }

  static JsonObject createWorkshop(String title, String... roomNames) {
    JsonArray rooms = new JsonArray();
    for (String name : roomNames) {
      rooms.add(new JsonObject().put("name", name));
    }
    return createWorkshop(new JsonObject().put("title", title).put("rooms", rooms));
  }

  static JsonObject workshop(String id) {
    return organiser.get("/api/workshops/" + id).expect(200);
  }

  static List<String> workshopIds() {
    return organiser.get("/api/workshops").expect(200).getJsonArray("workshops").stream()
        .map(w -> ((JsonObject) w).getString("id")).toList();
  }

  static JsonObject room(JsonObject workshop, int index) {
    return workshop.getJsonArray("rooms").getJsonObject(index);
  }

  static JsonObject join(String code, String name) {
    return anonymous.post("/api/join", new JsonObject().put("joinCode", code).put("name", name)
        .put("organisation", "江苏开放大学")).expect(201);
  }

  static String invite(String workshopId, String role, String... roomIds) {
    return organiser.post("/api/workshops/" + workshopId + "/invitations",
        new JsonObject().put("role", role).put("rooms", new JsonArray(List.of(roomIds)))).expect(201).getString("code");
  }

  static JsonObject accept(String invitation, String name) {
    return anonymous.post("/api/join", new JsonObject().put("invitation", invitation).put("name", name)
        .put("organisation", "浙江广播电视大学")).expect(201);
  }

  static ApiClient as(JsonObject joined) {
    return anonymous.withToken(joined.getString("token"));
  }

  static JsonArray participants(String workshopId) {
    return organiser.get("/api/workshops/" + workshopId + "/participants").expect(200).getJsonArray("participants");
  }

  static String text(int length) {
    return "研".repeat(length);
  }

  @Nested
  class Health {
    @Test
    void reportsUpWithOneMemberAndTheDatabase() {
      JsonObject health = anonymous.get("/api/health").expect(200);

      assertThat(health.getString("status")).isEqualTo("UP");
      assertThat(health.getInteger("members")).isEqualTo(1);
      assertThat(health.getBoolean("clusterSafe")).as("one member needs no backups").isTrue();
      assertThat(health.getString("database")).isEqualTo("H2 UP");
    }
  }

  @Nested
  class Workshops {
    @Test
    void newWorkshopHasTheThreeDefaultThemesAJoinCodeAndItsRooms() {
      JsonObject created = createWorkshop(new JsonObject().put("title", "  职业教育研讨会  ")
          .put("description", "两天的研讨").put("rooms", new JsonArray().add(new JsonObject().put("name", "第一组"))));

      assertThat(created.getString("id")).isNotBlank();
      assertThat(created.getString("title")).isEqualTo("职业教育研讨会");
      assertThat(created.getString("description")).isEqualTo("两天的研讨");
      assertThat(created.getString("status")).isEqualTo("open");
      assertThat(created.getString("joinCode")).matches(JOIN_CODE_PATTERN);
      assertThat(created.getJsonArray("themes")).containsExactly(
          new JsonObject().put("id", "teaching").put("name", "教学").put("nameEn", "Teaching"),
          new JsonObject().put("id", "research").put("name", "科研").put("nameEn", "Research"),
          new JsonObject().put("id", "policy").put("name", "决策咨询").put("nameEn", "Policy advice"));
      assertThat(created.getJsonArray("rooms")).hasSize(1);
      assertThat(workshop(created.getString("id"))).isEqualTo(created);
    }

    @Test
    void customThemesReplaceTheDefaults() {
      JsonObject created = createWorkshop(new JsonObject().put("title", "Custom").put("themes", new JsonArray()
          .add(new JsonObject().put("name", "课程").put("nameEn", "Curriculum"))
          .add(new JsonObject().put("name", "师资"))));

      JsonArray themes = created.getJsonArray("themes");
      assertThat(themes).hasSize(2);
      assertThat(themes.getJsonObject(0).getString("name")).isEqualTo("课程");
      assertThat(themes.getJsonObject(0).getString("nameEn")).isEqualTo("Curriculum");
      assertThat(themes.getJsonObject(1).getString("name")).isEqualTo("师资");
      assertThat(themes.getJsonObject(1).containsKey("nameEn")).isFalse();
      assertThat(themes.getJsonObject(0).getString("id")).isNotBlank()
          .isNotEqualTo(themes.getJsonObject(1).getString("id"));
    }

    @Test
    void listShowsEveryWorkshopOldestFirst() {
      String first = createWorkshop("List one").getString("id");
      String second = createWorkshop("List two").getString("id");

      List<String> ids = workshopIds();

      assertThat(ids).contains(first, second);
      assertThat(ids.indexOf(first)).isLessThan(ids.indexOf(second));
    }

    @Test
    void unknownWorkshopIsNotFound() {
      organiser.get("/api/workshops/w-nothing").expectError(404, "workshop.not_found");
      organiser.patch("/api/workshops/w-nothing", new JsonObject().put("title", "x")).expectError(404, "workshop.not_found");
    }

    @Test
    void patchChangesOnlyWhatItNames() {
      JsonObject created = createWorkshop("Before", "A");
      String id = created.getString("id");

      JsonObject patched = organiser.patch("/api/workshops/" + id, new JsonObject().put("title", "After")).expect(200);

      assertThat(patched.getString("title")).isEqualTo("After");
      assertThat(patched.getString("description")).isEqualTo(created.getString("description"));
      assertThat(patched.getJsonArray("themes")).isEqualTo(created.getJsonArray("themes"));
      assertThat(patched.getJsonArray("rooms")).isEqualTo(created.getJsonArray("rooms"));
      assertThat(patched.getString("joinCode")).isEqualTo(created.getString("joinCode"));
      assertThat(workshop(id).getString("title")).isEqualTo("After");
    }

    @Test
    void patchKeepsThemesNamedByIdAndAddsNewOnes() {
      String id = createWorkshop(new JsonObject().put("title", "Themes")
          .put("rooms", new JsonArray().add(new JsonObject().put("name", "R").put("theme", "teaching")))).getString("id");

      JsonObject patched = organiser.patch("/api/workshops/" + id, new JsonObject().put("themes", new JsonArray()
          .add(new JsonObject().put("id", "teaching").put("name", "教学改革"))
          .add(new JsonObject().put("name", "产教融合")))).expect(200);

      JsonArray themes = patched.getJsonArray("themes");
      assertThat(themes.getJsonObject(0).getString("id")).isEqualTo("teaching");
      assertThat(themes.getJsonObject(0).getString("name")).isEqualTo("教学改革");
      assertThat(themes.getJsonObject(1).getString("name")).isEqualTo("产教融合");
      assertThat(room(patched, 0).getJsonArray("themes")).containsExactly("teaching");
    }

    @Test
    void themeUsedByARoomCannotBeRemoved() {
      JsonObject created = createWorkshop(new JsonObject().put("title", "In use")
          .put("rooms", new JsonArray().add(new JsonObject().put("name", "科研组").put("theme", "research"))));
      String id = created.getString("id");

      organiser.patch("/api/workshops/" + id, new JsonObject().put("title", "Renamed").put("themes", new JsonArray()
              .add(new JsonObject().put("id", "teaching").put("name", "教学"))))
          .expectError(409, "theme.in_use");

      assertThat(workshop(id)).isEqualTo(created);
    }

    @Test
    void twoThemesWithOneNameAreRefused() {
      JsonObject created = createWorkshop("Duplicates");
      String id = created.getString("id");

      organiser.patch("/api/workshops/" + id, new JsonObject().put("themes", new JsonArray()
              .add(new JsonObject().put("name", "教学")).add(new JsonObject().put("name", "教学"))))
          .expectError(400, "theme.duplicate");

      assertThat(workshop(id)).isEqualTo(created);
    }

    @Test
    void closingAWorkshopStopsNewJoinsAndReopeningAllowsThemAgain() {
      JsonObject created = createWorkshop("Closing");
      String id = created.getString("id");
      String code = created.getString("joinCode");

      assertThat(organiser.patch("/api/workshops/" + id, new JsonObject().put("status", "closed")).expect(200)
          .getString("status")).isEqualTo("closed");
      anonymous.post("/api/join", new JsonObject().put("joinCode", code).put("name", "迟到者").put("organisation", "X"))
          .expectError(403, "workshop.closed");
      assertThat(participants(id)).isEmpty();

      organiser.patch("/api/workshops/" + id, new JsonObject().put("status", "open")).expect(200);
      join(code, "迟到者");
      assertThat(participants(id)).hasSize(1);
    }

    @Test
    void joinCodesNeverUseLookAlikeCharacters() {
      for (int i = 0; i < 30; i++) {
        assertThat(createWorkshop("Code " + i).getString("joinCode")).matches(JOIN_CODE_PATTERN).doesNotContain("0", "O", "1", "I");
      }
    }
  }

  @Nested
  class Rooms {
    @Test
    void roomNamesAThemeByIdOrByName() {
      String id = createWorkshop("Rooms by theme").getString("id");
      String path = "/api/workshops/" + id + "/rooms";

      JsonObject byId = organiser.post(path, new JsonObject().put("name", "A").put("theme", "policy")).expect(201);
      JsonObject byName = organiser.post(path, new JsonObject().put("name", "B").put("theme", "科研")).expect(201);
      JsonObject byEnglishName = organiser.post(path, new JsonObject().put("name", "C").put("theme", "teaching")
          .put("themes", new JsonArray().add("Policy Advice"))).expect(201);

      assertThat(byId.getJsonArray("themes")).containsExactly("policy");
      assertThat(byName.getJsonArray("themes")).containsExactly("research");
      assertThat(byEnglishName.getJsonArray("themes")).containsExactly("teaching", "policy");
    }

    @Test
    void roomWithoutThemeTakesEveryThemeAndHasAFindingsDocument() {
      String id = createWorkshop("Room defaults").getString("id");

      JsonObject room = organiser.post("/api/workshops/" + id + "/rooms", new JsonObject().put("name", "全体")
          .put("question", "如何提升教学质量？").put("capacity", 8)).expect(201);

      assertThat(room.getString("id")).isNotBlank();
      assertThat(room.getString("name")).isEqualTo("全体");
      assertThat(room.getJsonArray("themes")).containsExactly("teaching", "research", "policy");
      assertThat(room.getString("question")).isEqualTo("如何提升教学质量？");
      assertThat(room.getInteger("capacity")).isEqualTo(8);
      assertThat(room.getString("status")).isEqualTo("open");
      assertThat(room.getJsonArray("members")).isEmpty();
      assertThat(room.getJsonArray("facilitators")).isEmpty();
      assertThat(room.getString("findingsDoc")).isNotBlank();
      assertThat(room(workshop(id), 0)).isEqualTo(room);
    }

    @Test
    void unknownThemeIsRefusedAndNoRoomIsAdded() {
      JsonObject created = createWorkshop("Unknown theme", "Existing");
      String id = created.getString("id");

      organiser.post("/api/workshops/" + id + "/rooms", new JsonObject().put("name", "X").put("theme", "体育"))
          .expectError(400, "room.theme_unknown");
      organiser.patch("/api/workshops/" + id + "/rooms/" + room(created, 0).getString("id"),
          new JsonObject().put("themes", new JsonArray().add("体育"))).expectError(400, "room.theme_unknown");

      List<String> before = workshopIds();
      organiser.post("/api/workshops", new JsonObject().put("title", "Never")
          .put("rooms", new JsonArray().add(new JsonObject().put("name", "X").put("theme", "体育"))))
          .expectError(400, "room.theme_unknown");

      assertThat(workshop(id)).isEqualTo(created);
      assertThat(workshopIds()).isEqualTo(before);
    }

    @Test
    void patchRenamesRethemesClosesAndResizes() {
      JsonObject created = createWorkshop("Room patch", "Old name");
      String id = created.getString("id");
      String roomId = room(created, 0).getString("id");

      JsonObject patched = organiser.patch("/api/workshops/" + id + "/rooms/" + roomId, new JsonObject()
          .put("name", "New name").put("themes", new JsonArray().add("决策咨询")).put("status", "closed")
          .put("capacity", 3).put("question", "新问题")).expect(200);

      assertThat(patched.getString("id")).isEqualTo(roomId);
      assertThat(patched.getString("name")).isEqualTo("New name");
      assertThat(patched.getJsonArray("themes")).containsExactly("policy");
      assertThat(patched.getString("status")).isEqualTo("closed");
      assertThat(patched.getInteger("capacity")).isEqualTo(3);
      assertThat(patched.getString("question")).isEqualTo("新问题");
      assertThat(patched.getString("findingsDoc")).isEqualTo(room(created, 0).getString("findingsDoc"));
      assertThat(room(workshop(id), 0)).isEqualTo(patched);
    }

    @Test
    void unknownRoomIsNotFound() {
      String id = createWorkshop("No such room").getString("id");

      organiser.patch("/api/workshops/" + id + "/rooms/r-nothing", new JsonObject().put("name", "x"))
          .expectError(404, "room.not_found");
      organiser.delete("/api/workshops/" + id + "/rooms/r-nothing").expectError(404, "room.not_found");
      organiser.post("/api/workshops/w-nothing/rooms", new JsonObject().put("name", "x"))
          .expectError(404, "workshop.not_found");
    }

    @Test
    void deletingARoomUnassignsItsMembers() {
      JsonObject created = createWorkshop("Delete room", "Gone", "Stays");
      String id = created.getString("id");
      String gone = room(created, 0).getString("id");
      JsonObject member = join(created.getString("joinCode"), "成员");
      organiser.post("/api/workshops/" + id + "/rooms/" + gone + "/members",
          new JsonObject().put("participantId", member.getString("participantId"))).expect(200);

      assertThat(organiser.delete("/api/workshops/" + id + "/rooms/" + gone).status()).isEqualTo(204);

      JsonObject after = workshop(id);
      assertThat(after.getJsonArray("rooms")).hasSize(1);
      assertThat(room(after, 0).getString("name")).isEqualTo("Stays");
      assertThat(participants(id).getJsonObject(0).getValue("room")).isNull();
      assertThat(as(member).get("/api/me").expect(200).getValue("room")).isNull();
      organiser.delete("/api/workshops/" + id + "/rooms/" + gone).expectError(404, "room.not_found");
    }
  }

  @Nested
  class Joining {
    @Test
    void joinCodeWorksInAnyCaseAndWithSpacesOrDashes() {
      JsonObject created = createWorkshop("Join forms");
      String code = created.getString("joinCode");
      String spaced = code.substring(0, 3).toLowerCase() + " - " + code.substring(3).toLowerCase();

      JsonObject joined = anonymous.post("/api/join", new JsonObject().put("joinCode", " " + spaced + " ")
          .put("name", "  张老师 ").put("organisation", "  北京开放大学 ")).expect(201);

      assertThat(joined.getString("token")).isNotBlank();
      assertThat(joined.getString("participantId")).isNotBlank();
      assertThat(joined.getString("workshopId")).isEqualTo(created.getString("id"));
      assertThat(joined.getString("role")).isEqualTo("participant");
      assertThat(participants(created.getString("id"))).containsExactly(new JsonObject()
          .put("id", joined.getString("participantId")).put("name", "张老师").put("organisation", "北京开放大学")
          .put("role", "participant").putNull("room"));
      assertThat(workshop(created.getString("id")).getInteger("participantCount")).isEqualTo(1);
    }

    @Test
    void unknownJoinCodeIsNotFound() {
      anonymous.post("/api/join", new JsonObject().put("joinCode", "ZZZZZZ").put("name", "a").put("organisation", "b"))
          .expectError(404, "join.code_unknown");
      anonymous.post("/api/join", new JsonObject().put("joinCode", "00000").put("name", "a").put("organisation", "b"))
          .expectError(404, "join.code_unknown");
    }

    @Test
    void joinNeedsACodeOrAnInvitation() {
      anonymous.post("/api/join", new JsonObject().put("name", "a").put("organisation", "b"))
          .expectError(400, "join.code_required");
    }

    @Test
    void unknownInvitationIsNotFound() {
      anonymous.post("/api/join", new JsonObject().put("invitation", "not-an-invitation").put("name", "a").put("organisation", "b"))
          .expectError(404, "invitation.unknown");
    }
  }

  @Nested
  class Invitations {
    @Test
    void facilitatorJoinsThroughAnInvitationAndRunsTheRoom() {
      JsonObject created = createWorkshop("Invitations", "第一组", "第二组");
      String id = created.getString("id");
      String first = room(created, 0).getString("id");

      JsonObject invitation = organiser.post("/api/workshops/" + id + "/invitations",
          new JsonObject().put("rooms", new JsonArray().add(first))).expect(201);
      assertThat(invitation.getString("role")).isEqualTo("facilitator");
      assertThat(invitation.getJsonArray("rooms")).containsExactly(first);
      assertThat(invitation.getString("link")).endsWith("/i/" + invitation.getString("code"))
          .startsWith("http://127.0.0.1:" + node.port());

      JsonObject facilitator = accept(invitation.getString("code"), "李主持");

      assertThat(facilitator.getString("role")).isEqualTo("facilitator");
      assertThat(facilitator.getString("workshopId")).isEqualTo(id);
      JsonObject after = workshop(id);
      assertThat(room(after, 0).getJsonArray("facilitators")).containsExactly(facilitator.getString("participantId"));
      assertThat(room(after, 1).getJsonArray("facilitators")).isEmpty();
      assertThat(participants(id).getJsonObject(0).getString("role")).isEqualTo("facilitator");
    }

    @Test
    void observerJoinsAsObserverAndRunsNothing() {
      JsonObject created = createWorkshop("Observers", "Watched");
      String id = created.getString("id");
      String roomId = room(created, 0).getString("id");
      JsonObject participant = join(created.getString("joinCode"), "学员");

      JsonObject observer = accept(invite(id, "observer", roomId), "观察员");

      assertThat(observer.getString("role")).isEqualTo("observer");
      JsonObject me = as(observer).get("/api/me").expect(200);
      assertThat(me.getString("role")).isEqualTo("observer");
      assertThat(me.getJsonArray("facilitates")).isEmpty();
      assertThat(room(workshop(id), 0).getJsonArray("facilitators")).isEmpty();
      as(observer).post("/api/workshops/" + id + "/rooms/" + roomId + "/members",
          new JsonObject().put("participantId", participant.getString("participantId"))).expectError(403, "auth.forbidden");
      as(observer).get("/api/workshops/" + id + "/participants").expectError(403, "auth.forbidden");
    }

    @Test
    void invitationStillWorksAfterOneOfItsRoomsIsDeleted() {
      JsonObject created = createWorkshop("Deleted invitation room", "Kept", "Deleted");
      String id = created.getString("id");
      String kept = room(created, 0).getString("id");
      String deleted = room(created, 1).getString("id");
      String invitation = invite(id, "facilitator", kept, deleted);
      organiser.delete("/api/workshops/" + id + "/rooms/" + deleted).expect(204);

      JsonObject facilitator = accept(invitation, "主持");

      assertThat(room(workshop(id), 0).getJsonArray("facilitators")).containsExactly(facilitator.getString("participantId"));
      assertThat(participants(id)).hasSize(1);
    }

    @Test
    void invitationToAnUnknownRoomOrWorkshopIsRefused() {
      String id = createWorkshop("Bad invitations").getString("id");

      organiser.post("/api/workshops/" + id + "/invitations", new JsonObject().put("rooms", new JsonArray().add("r-nothing")))
          .expectError(400, "invitation.room_unknown");
      organiser.post("/api/workshops/w-nothing/invitations", new JsonObject().put("rooms", new JsonArray()))
          .expectError(404, "workshop.not_found");
      organiser.post("/api/workshops/" + id + "/invitations", new JsonObject().put("role", "organiser").put("rooms", new JsonArray()))
          .expectError(400, "request.invalid");
    }
  }

  @Nested
  class Assignments {
    @Test
    void organiserMovesAParticipantAndTheOldRoomLosesThem() {
      JsonObject created = createWorkshop("Moves", "A", "B");
      String id = created.getString("id");
      String a = room(created, 0).getString("id");
      String b = room(created, 1).getString("id");
      JsonObject p = join(created.getString("joinCode"), "王");
      JsonObject assignment = new JsonObject().put("participantId", p.getString("participantId"));

      assertThat(organiser.post("/api/workshops/" + id + "/rooms/" + a + "/members", assignment).expect(200)
          .getJsonArray("members")).containsExactly(p.getString("participantId"));
      assertThat(organiser.post("/api/workshops/" + id + "/rooms/" + b + "/members", assignment).expect(200)
          .getJsonArray("members")).containsExactly(p.getString("participantId"));

      JsonObject after = workshop(id);
      assertThat(room(after, 0).getJsonArray("members")).isEmpty();
      assertThat(room(after, 1).getJsonArray("members")).containsExactly(p.getString("participantId"));
      assertThat(participants(id).getJsonObject(0).getString("room")).isEqualTo(b);
    }

    @Test
    void facilitatorAssignsIntoTheirOwnRoomOnly() {
      JsonObject created = createWorkshop("Facilitated moves", "Mine", "Theirs");
      String id = created.getString("id");
      String mine = room(created, 0).getString("id");
      String theirs = room(created, 1).getString("id");
      ApiClient facilitator = as(accept(invite(id, "facilitator", mine), "主持人"));
      JsonObject p = join(created.getString("joinCode"), "学员");
      JsonObject assignment = new JsonObject().put("participantId", p.getString("participantId"));

      assertThat(facilitator.post("/api/workshops/" + id + "/rooms/" + mine + "/members", assignment).expect(200)
          .getJsonArray("members")).containsExactly(p.getString("participantId"));
      facilitator.post("/api/workshops/" + id + "/rooms/" + theirs + "/members", assignment)
          .expectError(403, "auth.forbidden");

      JsonObject after = workshop(id);
      assertThat(room(after, 0).getJsonArray("members")).containsExactly(p.getString("participantId"));
      assertThat(room(after, 1).getJsonArray("members")).isEmpty();
    }

    @Test
    void fullRoomRefusesAnotherMember() {
      JsonObject created = createWorkshop(new JsonObject().put("title", "Capacity")
          .put("rooms", new JsonArray().add(new JsonObject().put("name", "Small").put("capacity", 1))));
      String id = created.getString("id");
      String small = room(created, 0).getString("id");
      String code = created.getString("joinCode");
      String first = join(code, "一").getString("participantId");
      String second = join(code, "二").getString("participantId");
      String path = "/api/workshops/" + id + "/rooms/" + small + "/members";

      organiser.post(path, new JsonObject().put("participantId", first)).expect(200);
      organiser.post(path, new JsonObject().put("participantId", second)).expectError(409, "room.full");
      assertThat(organiser.post(path, new JsonObject().put("participantId", first)).expect(200)
          .getJsonArray("members")).containsExactly(first);

      assertThat(room(workshop(id), 0).getJsonArray("members")).containsExactly(first);
    }

    @Test
    void unknownParticipantOrRoomIsNotFound() {
      JsonObject created = createWorkshop("Unknown assignment", "Only");
      String id = created.getString("id");
      String other = createWorkshop("Other workshop").getString("joinCode");
      String stranger = join(other, "外人").getString("participantId");
      String roomPath = "/api/workshops/" + id + "/rooms/" + room(created, 0).getString("id") + "/members";

      organiser.post(roomPath, new JsonObject().put("participantId", "p-nothing")).expectError(404, "participant.not_found");
      organiser.post(roomPath, new JsonObject().put("participantId", stranger)).expectError(404, "participant.not_found");
      organiser.post("/api/workshops/" + id + "/rooms/r-nothing/members", new JsonObject().put("participantId", stranger))
          .expectError(404, "room.not_found");

      assertThat(workshop(id)).isEqualTo(created);
    }
  }

  @Nested
  class Me {
    @Test
    void organiserIsTheOrganiser() {
      assertThat(organiser.get("/api/me").expect(200).getString("role")).isEqualTo("organiser");
    }

    @Test
    void participantSeesTheirWorkshopAndRoom() {
      JsonObject created = createWorkshop("Me", "Room");
      String roomId = room(created, 0).getString("id");
      JsonObject p = join(created.getString("joinCode"), "赵");

      JsonObject before = as(p).get("/api/me").expect(200);
      assertThat(before.getString("role")).isEqualTo("participant");
      assertThat(before.getJsonObject("participant").getString("id")).isEqualTo(p.getString("participantId"));
      assertThat(before.getJsonObject("participant").getString("name")).isEqualTo("赵");
      assertThat(before.getJsonObject("workshop").getString("id")).isEqualTo(created.getString("id"));
      assertThat(before.getJsonObject("workshop").getString("title")).isEqualTo("Me");
      assertThat(before.getValue("room")).isNull();
      assertThat(before.getJsonArray("facilitates")).isEmpty();

      organiser.post("/api/workshops/" + created.getString("id") + "/rooms/" + roomId + "/members",
          new JsonObject().put("participantId", p.getString("participantId"))).expect(200);

      JsonObject after = as(p).get("/api/me").expect(200);
      assertThat(after.getJsonObject("room").getString("id")).isEqualTo(roomId);
      assertThat(after.getJsonObject("participant").getString("room")).isEqualTo(roomId);
    }

    @Test
    void facilitatorSeesTheRoomsTheyRun() {
      JsonObject created = createWorkshop("Me facilitator", "One", "Two", "Three");
      String id = created.getString("id");
      String one = room(created, 0).getString("id");
      String three = room(created, 2).getString("id");

      JsonObject me = as(accept(invite(id, "facilitator", one, three), "钱")).get("/api/me").expect(200);

      assertThat(me.getString("role")).isEqualTo("facilitator");
      assertThat(me.getJsonArray("facilitates").stream().map(r -> ((JsonObject) r).getString("id")))
          .containsExactly(one, three);
      assertThat(me.getValue("room")).isNull();
    }
  }

  @Nested
  class Roles {
    @Test
    void participantMayNotDoTheOrganisersWork() {
      JsonObject created = createWorkshop("Roles", "R");
      String id = created.getString("id");
      String roomId = room(created, 0).getString("id");
      JsonObject p = join(created.getString("joinCode"), "学员");
      ApiClient participant = as(p);
      List<String> before = workshopIds();

      participant.get("/api/workshops").expectError(403, "auth.forbidden");
      participant.post("/api/workshops", new JsonObject().put("title", "Mine")).expectError(403, "auth.forbidden");
      participant.patch("/api/workshops/" + id, new JsonObject().put("title", "Mine")).expectError(403, "auth.forbidden");
      participant.post("/api/workshops/" + id + "/rooms", new JsonObject().put("name", "Mine")).expectError(403, "auth.forbidden");
      participant.patch("/api/workshops/" + id + "/rooms/" + roomId, new JsonObject().put("name", "Mine"))
          .expectError(403, "auth.forbidden");
      participant.delete("/api/workshops/" + id + "/rooms/" + roomId).expectError(403, "auth.forbidden");
      participant.post("/api/workshops/" + id + "/rooms/" + roomId + "/members",
          new JsonObject().put("participantId", p.getString("participantId"))).expectError(403, "auth.forbidden");
      participant.get("/api/workshops/" + id + "/participants").expectError(403, "auth.forbidden");
      participant.post("/api/workshops/" + id + "/invitations", new JsonObject().put("rooms", new JsonArray()))
          .expectError(403, "auth.forbidden");

      assertThat(participant.get("/api/workshops/" + id).expect(200).getString("id")).isEqualTo(id);
      assertThat(workshopIds()).isEqualTo(before);
      JsonObject after = workshop(id);
      assertThat(after.getString("title")).isEqualTo(created.getString("title"));
      assertThat(after.getJsonArray("rooms")).isEqualTo(created.getJsonArray("rooms"));
    }

    @Test
    void tokenOfOneWorkshopOpensNoOther() {
      JsonObject a = createWorkshop("Workshop A", "A1");
      JsonObject b = createWorkshop("Workshop B", "B1");
      String bId = b.getString("id");
      String bRoom = room(b, 0).getString("id");
      ApiClient facilitatorOfA = as(accept(invite(a.getString("id"), "facilitator", room(a, 0).getString("id")), "A 主持"));
      ApiClient participantOfA = as(join(a.getString("joinCode"), "A 学员"));
      String participantOfB = join(b.getString("joinCode"), "B 学员").getString("participantId");

      participantOfA.get("/api/workshops/" + bId).expectError(403, "auth.forbidden");
      facilitatorOfA.get("/api/workshops/" + bId).expectError(403, "auth.forbidden");
      facilitatorOfA.get("/api/workshops/" + bId + "/participants").expectError(403, "auth.forbidden");
      facilitatorOfA.post("/api/workshops/" + bId + "/rooms/" + bRoom + "/members",
          new JsonObject().put("participantId", participantOfB)).expectError(403, "auth.forbidden");

      assertThat(room(workshop(bId), 0).getJsonArray("members")).isEmpty();
    }

    @Test
    void facilitatorListsTheParticipantsOfTheirWorkshop() {
      JsonObject created = createWorkshop("Facilitator list", "R");
      String id = created.getString("id");
      ApiClient facilitator = as(accept(invite(id, "facilitator", room(created, 0).getString("id")), "主持"));
      join(created.getString("joinCode"), "学员");

      assertThat(facilitator.get("/api/workshops/" + id + "/participants").expect(200).getJsonArray("participants"))
          .isEqualTo(participants(id)).hasSize(2);
    }

    @Test
    void missingOrBadTokenIsUnauthorised() {
      List<String> before = workshopIds();

      anonymous.get("/api/workshops").expectError(401, "auth.missing");
      anonymous.get("/api/me").expectError(401, "auth.missing");
      anonymous.post("/api/workshops", new JsonObject().put("title", "Anonymous")).expectError(401, "auth.missing");
      anonymous.withToken("not-a-token").get("/api/workshops").expectError(401, "auth.invalid");
      anonymous.withToken("not-a-token").post("/api/workshops", new JsonObject().put("title", "Forged"))
          .expectError(401, "auth.invalid");
      anonymous.withToken("not-a-token").get("/api/me").expectError(401, "auth.invalid");
      anonymous.withAuthorization("Basic b3JnYW5pc2VyOmtleQ==").get("/api/workshops").expectError(401, "auth.invalid");
      anonymous.withAuthorization("Bearer ").get("/api/workshops").expectError(401, "auth.invalid");

      assertThat(workshopIds()).isEqualTo(before);
    }

    @Test
    void healthAndJoinNeedNoToken() {
      assertThat(anonymous.get("/api/health").status()).isEqualTo(200);
      join(createWorkshop("Open door").getString("joinCode"), "任何人");
    }
  }

  @Nested
  class BadInput {
    @Test
    void malformedJsonIsRefusedAndNothingIsStored() {
      List<String> before = workshopIds();

      organiser.sendRaw(HttpMethod.POST, "/api/workshops", "application/json", "{\"title\": \"half")
          .expectError(400, "request.malformed_json");
      organiser.sendRaw(HttpMethod.POST, "/api/workshops", "application/json", "")
          .expectError(400, "request.invalid");
      organiser.sendRaw(HttpMethod.POST, "/api/workshops", "text/plain", "{\"title\": \"text\"}")
          .expectError(400, "request.invalid");
      organiser.post("/api/workshops", new JsonArray().add(new JsonObject().put("title", "In an array")))
          .expectError(400, "request.invalid");

      assertThat(workshopIds()).isEqualTo(before);
    }

    @Test
    void wrongTypesAndMissingFieldsAreRefusedAndNothingIsStored() {
      JsonObject created = createWorkshop("Types", "R");
      String id = created.getString("id");
      List<String> before = workshopIds();

      organiser.post("/api/workshops", new JsonObject().put("title", 42)).expectError(400, "request.invalid");
      organiser.post("/api/workshops", new JsonObject().put("description", "no title")).expectError(400, "request.invalid");
      organiser.post("/api/workshops", new JsonObject().put("title", "   ")).expectError(400, "request.invalid");
      organiser.post("/api/workshops", new JsonObject().put("title", "Extra").put("owner", "me")).expectError(400, "request.invalid");
      organiser.post("/api/workshops", new JsonObject().put("title", "Rooms").put("rooms", "A, B")).expectError(400, "request.invalid");
      organiser.post("/api/workshops", new JsonObject().put("title", "Rooms").put("rooms", new JsonArray().add(new JsonObject())))
          .expectError(400, "request.invalid");
      organiser.post("/api/workshops", new JsonObject().put("title", "Themes").put("themes", new JsonArray()))
          .expectError(400, "request.invalid");
      assertThat(workshopIds()).isEqualTo(before);

      organiser.post("/api/workshops/" + id + "/rooms", new JsonObject().put("name", "R").put("capacity", "ten"))
          .expectError(400, "request.invalid");
      organiser.post("/api/workshops/" + id + "/rooms", new JsonObject().put("name", "R").put("capacity", 0))
          .expectError(400, "request.invalid");
      organiser.post("/api/workshops/" + id + "/rooms", new JsonObject().put("question", "no name"))
          .expectError(400, "request.invalid");
      organiser.patch("/api/workshops/" + id, new JsonObject()).expectError(400, "request.invalid");
      organiser.patch("/api/workshops/" + id, new JsonObject().put("status", "paused")).expectError(400, "request.invalid");
      organiser.patch("/api/workshops/" + id + "/rooms/" + room(created, 0).getString("id"), new JsonObject().put("status", true))
          .expectError(400, "request.invalid");
      organiser.post("/api/workshops/" + id + "/rooms/" + room(created, 0).getString("id") + "/members",
          new JsonObject().put("participantId", 7)).expectError(400, "request.invalid");
      assertThat(workshop(id)).isEqualTo(created);
    }

    @Test
    void overlongTextIsRefusedAndNothingIsStored() {
      JsonObject created = createWorkshop("Lengths", "R");
      String id = created.getString("id");
      List<String> before = workshopIds();

      assertThat(createWorkshop(text(200)).getString("title")).hasSize(200);
      List<String> withLongest = workshopIds();
      assertThat(withLongest).hasSize(before.size() + 1);

      organiser.post("/api/workshops", new JsonObject().put("title", text(201))).expectError(400, "request.invalid");
      organiser.post("/api/workshops", new JsonObject().put("title", "Long room")
          .put("rooms", new JsonArray().add(new JsonObject().put("name", text(101))))).expectError(400, "request.invalid");
      organiser.post("/api/workshops/" + id + "/rooms", new JsonObject().put("name", text(101))).expectError(400, "request.invalid");
      organiser.patch("/api/workshops/" + id, new JsonObject().put("title", text(201))).expectError(400, "request.invalid");
      organiser.patch("/api/workshops/" + id + "/rooms/" + room(created, 0).getString("id"),
          new JsonObject().put("name", text(101))).expectError(400, "request.invalid");
      assertThat(workshopIds()).isEqualTo(withLongest);
      assertThat(workshop(id)).isEqualTo(created);

      String code = created.getString("joinCode");
      anonymous.post("/api/join", new JsonObject().put("joinCode", code).put("name", text(101)).put("organisation", "X"))
          .expectError(400, "request.invalid");
      anonymous.post("/api/join", new JsonObject().put("joinCode", code).put("name", "X").put("organisation", text(101)))
          .expectError(400, "request.invalid");
      anonymous.post("/api/join", new JsonObject().put("joinCode", code).put("name", text(100)).put("organisation", text(100)))
          .expect(201);
      assertThat(participants(id)).hasSize(1);
    }

    @Test
    void moreThanFiftyRoomsInOneRequestIsRefusedAndNothingIsStored() {
      List<String> before = workshopIds();
      JsonArray fifty = new JsonArray();
      for (int i = 1; i <= 50; i++) {
        fifty.add(new JsonObject().put("name", "第" + i + "组"));
      }

      organiser.post("/api/workshops", new JsonObject().put("title", "Too many rooms")
          .put("rooms", fifty.copy().add(new JsonObject().put("name", "第51组")))).expectError(400, "request.invalid");
      assertThat(workshopIds()).isEqualTo(before);

      assertThat(createWorkshop(new JsonObject().put("title", "Fifty rooms").put("rooms", fifty)).getJsonArray("rooms")).hasSize(50);
    }

    @Test
    void joinWithMissingOrWrongFieldsStoresNoParticipant() {
      JsonObject created = createWorkshop("Bad joins");
      String id = created.getString("id");
      String code = created.getString("joinCode");

      anonymous.post("/api/join", new JsonObject().put("joinCode", code).put("name", "No organisation"))
          .expectError(400, "request.invalid");
      anonymous.post("/api/join", new JsonObject().put("joinCode", code).put("name", 5).put("organisation", "X"))
          .expectError(400, "request.invalid");
      anonymous.post("/api/join", new JsonObject().put("joinCode", code).put("name", " ").put("organisation", "X"))
          .expectError(400, "request.invalid");
      anonymous.sendRaw(HttpMethod.POST, "/api/join", "application/json", "{\"joinCode\":")
          .expectError(400, "request.malformed_json");

      assertThat(participants(id)).isEmpty();
      assertThat(workshop(id).getInteger("participantCount")).isZero();
    }

    @Test
    void overlongIdsAndUnknownEndpointsAreClientErrors() {
      organiser.get("/api/workshops/" + "w".repeat(65)).expectError(400, "request.invalid");
      organiser.get("/api/nothing-here").expectError(404, "request.not_found");
    }

    @Test
    void aKnownPathWithTheWrongMethodIsMethodNotAllowedAndChangesNothing() {
      List<String> before = workshopIds();

      organiser.delete("/api/workshops").expectError(405, "request.method_not_allowed");
      organiser.sendRaw(HttpMethod.PUT, "/api/join", "application/json", "{}").expectError(405, "request.method_not_allowed");

      assertThat(workshopIds()).isEqualTo(before);
    }

    @Test
    void oversizedBodyIsRefused() {
      List<String> before = workshopIds();

      organiser.post("/api/workshops", new JsonObject().put("title", "Huge").put("description", "x".repeat(300_000)))
          .expectError(413, "request.too_large");

      assertThat(workshopIds()).isEqualTo(before);
    }
  }

  @Nested
  class Language {
    @Test
    void errorsAreInChineseWhenTheBrowserPrefersChinese() {
      ApiClient chinese = organiser.withLanguage("zh-CN,zh;q=0.9,en;q=0.8");

      assertThat(chinese.get("/api/workshops/w-nothing").expectError(404, "workshop.not_found"))
          .isEqualTo("研讨会 w-nothing 不存在");
      assertThat(chinese.post("/api/workshops", new JsonObject().put("title", 1)).expectError(400, "request.invalid"))
          .startsWith("请求无效");
      assertThat(anonymous.withLanguage("zh-CN").get("/api/me").expectError(401, "auth.missing")).contains("请先登录");
      assertThat(organiser.withLanguage("en-GB,zh;q=0.5").get("/api/workshops/w-nothing").expectError(404, "workshop.not_found"))
          .isEqualTo("There is no workshop w-nothing");
    }
  }
}
