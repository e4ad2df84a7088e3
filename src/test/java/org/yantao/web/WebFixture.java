package org.yantao.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.yantao.testing.ApiClient;
import org.yantao.testing.Browser;
import org.yantao.testing.CoEditor;
import org.yantao.testing.LiveFixture;
import org.yantao.testing.TestNode;

/**
 * A node with a seminar-like workshop for browser tests: three themes and several rooms, each test
 * taking a room of its own. Browsers opened through it are closed after the test class.
 */
final class WebFixture implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {
  static final List<String> THEMES = List.of("教学", "科研", "决策咨询");

  private final int rooms;
  private final List<Browser> browsers = new ArrayList<>();
  TestNode node;
  Vertx vertx;
  ApiClient organiser;
  JsonObject workshop;

  WebFixture(int rooms) {
    this.rooms = rooms;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    vertx = Vertx.vertx();
    node = TestNode.startInScratch("yantao-web");
    organiser = node.organiser(vertx);
    JsonArray themes = new JsonArray();
    THEMES.forEach(name -> themes.add(new JsonObject().put("name", name)));
    JsonArray roomList = new JsonArray();
    for (int i = 1; i <= rooms; i++) {
      roomList.add(new JsonObject().put("name", "第" + i + "组")
          .put("question", "如何把课堂教学、科研和决策咨询结合起来？"));
    }
    workshop = organiser.post("/api/workshops", new JsonObject()
        .put("title", "全国党校系统研讨班").put("description", "分组研讨").put("themes", themes).put("rooms", roomList))
        .expect(201);
  }

  /** A failed test leaves what each browser showed, and what it logged, beside the screenshots. */
  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty()) {
      return;
    }
    for (int i = 0; i < browsers.size(); i++) {
      String name = "failed-" + context.getRequiredTestMethod().getName() + "-" + i;
      try {
        browsers.get(i).screenshot(name);
        browsers.get(i).consoleMessages().forEach(line -> System.out.println(name + ": " + line));
      } catch (RuntimeException e) {
        System.out.println(name + ": no screenshot: " + e);
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    browsers.forEach(Browser::close);
    LiveFixture.await(vertx.close());
    node.close();
  }

  Browser browser() {
    return browser(null);
  }

  /** A browser that saves downloads in {@code downloads} (none: it does not download). */
  Browser browser(Path downloads) {
    Browser browser = Browser.open(node.port(), "zh-CN", downloads);
    browsers.add(browser);
    return browser;
  }

  String joinCode() {
    return workshop.getString("joinCode");
  }

  String workshopId() {
    return workshop.getString("id");
  }

  JsonObject room(int index) {
    return workshop.getJsonArray("rooms").getJsonObject(index);
  }

  /** Joins in the browser with the join code, and is put in the room by the organiser. */
  void joinInto(Browser browser, int roomIndex, String name, String organisation) {
    browser.join(joinCode(), name, organisation);
    String participantId = (String) browser.script("return JSON.parse(localStorage.getItem('yantao.identity')).participantId;");
    organiser.post("/api/workshops/" + workshopId() + "/rooms/" + room(roomIndex).getString("id") + "/members",
        new JsonObject().put("participantId", participantId)).expect(200);
    browser.untilText("#room-name", room(roomIndex).getString("name"));
  }

  /** Signs the browser in as the organiser, by the link the server prints. */
  void signInAsOrganiser(Browser browser) {
    browser.go("/organiser#key=" + node.organiserKey());
    browser.find("#workshops");
  }

  /** The server's text of a room's findings, read by opening the document afresh. */
  String serverText(int roomIndex) {
    CoEditor reader = new CoEditor(node.port(), node.organiserKey(), room(roomIndex).getString("findingsDoc"));
    LiveFixture.await(vertx.deployVerticle(reader));
    try {
      return LiveFixture.await(reader.text());
    } finally {
      LiveFixture.await(vertx.undeploy(reader.deploymentID()));
    }
  }

  long serverRev(int roomIndex) {
    CoEditor reader = new CoEditor(node.port(), node.organiserKey(), room(roomIndex).getString("findingsDoc"));
    LiveFixture.await(vertx.deployVerticle(reader));
    try {
      return LiveFixture.await(reader.rev());
    } finally {
      LiveFixture.await(vertx.undeploy(reader.deploymentID()));
    }
  }
}
