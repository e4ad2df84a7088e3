package org.yantao.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.yantao.testing.Browser;

/**
 * What the facilitator does in the console reaching the participants live: idea board settings
 * (the vote allowance), moving a participant to another room (me.assigned, no reload), and handing
 * a room's findings in and withdrawing them.
 */
class ConsoleBrowserIT {
  @RegisterExtension
  static final WebFixture web = new WebFixture(4);

  @Test
  void changingTheVotesPerParticipantChangesTheParticipantsAllowance() {
    Browser participant = web.browser();
    web.joinInto(participant, 0, "钱老师", "安徽省委党校");
    participant.untilText("#votes-left", "3 / 3");

    Browser facilitator = openConsole();
    facilitator.find(roomRow(0) + " button.board-settings").click();
    WebElement votes = facilitator.find("#board-votes");
    facilitator.until(d -> "3".equals(votes.getDomProperty("value")));
    votes.clear();
    votes.sendKeys("5");
    facilitator.find("#board-stacking").click();
    facilitator.find("#board-settings-save").click();
    facilitator.until(d -> !d.findElement(By.id("board-settings")).isDisplayed());

    participant.untilText("#votes-left", "5 / 5");
    // With stacking allowed, a second vote on the same idea is possible.
    participant.find("#idea-text").sendKeys("跨省联合调研");
    participant.find("#idea-add").click();
    participant.untilText("#ideas", "跨省联合调研");
    participant.click(d -> d.findElement(By.cssSelector("#ideas li.idea button.vote")));
    participant.untilText("#votes-left", "4 / 5");
    participant.click(d -> d.findElement(By.cssSelector("#ideas li.idea button.vote")));
    participant.untilText("#votes-left", "3 / 5");
    participant.untilText("#ideas li.idea", "2 票");
  }

  @Test
  void aParticipantMovedByTheFacilitatorSwitchesRoomWithoutReload() {
    Browser participant = web.browser();
    // Joining leaves the participant waiting; the organiser's assignment moves the page on by itself.
    web.joinInto(participant, 1, "孔老师", "贵州省委党校");
    participant.script("window.stillThisPage = true;");
    String participantId = (String) participant.script("return JSON.parse(localStorage.getItem('yantao.identity')).participantId;");

    Browser facilitator = openConsole();
    Select room = new Select(facilitator.find("select[data-participant='" + participantId + "']"));
    facilitator.until(d -> room.getFirstSelectedOption().getText().equals("第2组"));
    room.selectByVisibleText("第3组");
    facilitator.untilText("#toasts", "已调整");

    participant.untilText("#room-name", "第3组");
    participant.until(d -> participant.connectionState().equals("connected"));
    assertThat(participant.script("return window.stillThisPage === true;")).isEqualTo(true);
    facilitator.untilText(roomRow(2) + " td.c-online", "1");
    participant.focusEditor(true);
    participant.type("在第三组继续讨论");
    participant.until(d -> web.serverText(2).contains("在第三组继续讨论"));
  }

  @Test
  void aSubmittedRoomIsReadOnlyUntilTheSubmissionIsWithdrawn() {
    Browser participant = web.browser();
    web.joinInto(participant, 3, "唐老师", "云南省委党校");
    Browser facilitator = openConsole();
    facilitator.find(roomRow(3) + " button.submit-findings").click();
    facilitator.driver().switchTo().alert().accept();
    facilitator.untilText(roomRow(3) + " td.c-submission", "已提交");
    facilitator.untilText("#submitted-summary", "1 / 4");

    participant.untilText("#closed-banner", "本组成果已提交");
    participant.until(d -> "false".equals(d.findElement(By.cssSelector("#findings-editor .ql-editor")).getDomAttribute("contenteditable")));

    facilitator.find(roomRow(3) + " button.withdraw").click();
    facilitator.untilText(roomRow(3) + " td.c-submission", "未提交");
    participant.until(d -> !d.findElement(By.id("closed-banner")).isDisplayed());
    participant.focusEditor(true);
  }

  private static String roomRow(int index) {
    return "tr[data-room='" + web.room(index).getString("id") + "']";
  }

  private static Browser openConsole() {
    Browser facilitator = web.browser();
    web.signInAsOrganiser(facilitator);
    facilitator.go("/console?workshop=" + web.workshopId());
    facilitator.until(d -> facilitator.connectionState().equals("connected"));
    return facilitator;
  }
}
