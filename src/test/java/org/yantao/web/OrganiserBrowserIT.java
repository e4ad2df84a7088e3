package org.yantao.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.yantao.testing.Browser;

/** The organiser's page: the printed link signs in, a workshop is created with themes and rooms, invitations are made. */
class OrganiserBrowserIT {
  @RegisterExtension
  static final WebFixture web = new WebFixture(1);

  @Test
  void theOrganiserCreatesAWorkshopAndInvitesAFacilitator() {
    Browser organiser = web.browser();
    web.signInAsOrganiser(organiser);
    assertThat(organiser.driver().getCurrentUrl()).endsWith("/organiser").doesNotContain("key=");

    organiser.find("#ws-title").sendKeys("第二期研讨班");
    organiser.find("#ws-themes").sendKeys("教学\n科研");
    organiser.find("#ws-rooms .room-name").sendKeys("一组");
    new Select(organiser.find("#ws-rooms .room-theme")).selectByVisibleText("科研");
    organiser.find("#ws-rooms .room-question").sendKeys("科研如何服务决策？");
    organiser.find("#create-workshop button[type=submit]").click();
    organiser.untilText("#detail-title", "第二期研讨班");

    JsonObject created = web.organiser.get("/api/workshops").expect(200).getJsonArray("workshops").stream()
        .map(JsonObject.class::cast).filter(w -> w.getString("title").equals("第二期研讨班")).findFirst().orElseThrow();
    assertThat(created.getJsonArray("themes")).hasSize(2);
    JsonObject room = web.organiser.get("/api/workshops/" + created.getString("id")).expect(200).getJsonArray("rooms").getJsonObject(0);
    assertThat(room.getString("name")).isEqualTo("一组");
    assertThat(room.getString("question")).isEqualTo("科研如何服务决策？");

    organiser.find("#invite-form .invite-room").click();
    organiser.find("#invite-form button[type=submit]").click();
    String link = organiser.until(d -> d.findElements(By.cssSelector("#invitation-links .invitation-link")).stream()
        .map(e -> e.getDomProperty("value")).findFirst().orElse(null));
    assertThat(link).contains("/i/");

    Browser facilitator = web.browser();
    facilitator.go(link.substring(link.indexOf("/i/")));
    facilitator.find("#join-form input[name=name]").sendKeys("孙主持");
    facilitator.find("#join-form input[name=organisation]").sendKeys("中央党校");
    facilitator.find("#join-form button[type=submit]").click();
    facilitator.untilText("#workshop-title", "第二期研讨班");
    facilitator.untilText("#rooms-table", "一组");

    new Select(facilitator.find("select.lang")).selectByValue("en");
    facilitator.untilText("#rooms-title", "Rooms at a glance");
    facilitator.reload();
    facilitator.untilText("#rooms-title", "Rooms at a glance");
    assertThat(facilitator.find("html").getDomAttribute("lang")).isEqualTo("en");
  }
}
