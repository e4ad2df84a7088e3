package org.yantao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.yantao.testing.Browser;

/**
 * The parts of the room view and the console that need the server's room channel and idea board
 * (docs/protocol.md, "Rooms" and "Idea board"): presence, ideas and votes across browsers, timer
 * and broadcast from the console, closing a room, and markup in an idea shown as text.
 */
class RoomBoardBrowserIT {
  @RegisterExtension
  static final WebFixture web = new WebFixture(5);

  @Test
  void everyoneHereIsListedWithTheirColour() {
    Browser a = web.browser();
    Browser b = web.browser();
    web.joinInto(a, 0, "王老师", "江苏省委党校");
    web.joinInto(b, 0, "李老师", "四川省委党校");
    a.untilText("#presence", "李老师");
    b.untilText("#presence", "王老师");
    String colour = (String) a.script("return getComputedStyle(document.querySelector('#presence .dot')).backgroundColor;");
    assertThat(colour).startsWith("rgb");
  }

  @Test
  void ideasAndVotesAppearInTheOtherBrowserAndTheVoteLimitHolds() {
    Browser a = web.browser();
    Browser b = web.browser();
    web.joinInto(a, 1, "张老师", "浙江省委党校");
    web.joinInto(b, 1, "赵老师", "广东省委党校");
    List<String> ideas = List.of("案例教学进课堂", "调研成果转化", "建立决策咨询专报制度", "青年教师培养");
    for (String idea : ideas) {
      addIdea(a, idea, idea.equals("调研成果转化") ? "科研" : null);
    }
    b.until(d -> b.all("#ideas li.idea").size() == 4);
    ideas.forEach(idea -> b.untilText("#ideas", idea));

    for (String idea : ideas.subList(0, 3)) {
      ideaItem(b, idea).findElement(By.cssSelector("button.vote")).click();
      b.until(d -> ideaItem(b, idea).findElements(By.cssSelector("button.unvote")).size() == 1);
    }
    b.untilText("#votes-left", "0 / 3");
    assertThat(ideaItem(b, "青年教师培养").findElement(By.cssSelector("button.vote")).isEnabled()).isFalse();
    a.until(d -> ideaItem(a, "案例教学进课堂").getText().contains("1 票"));
    ideaItem(a, "调研成果转化").findElement(By.cssSelector("button.vote")).click();
    b.until(d -> ideaItem(b, "调研成果转化").getText().contains("2 票"));
    b.until(d -> b.all("#ideas li.idea").get(0).getText().contains("调研成果转化"));

    ideaItem(b, "案例教学进课堂").findElement(By.cssSelector("button.unvote")).click();
    b.untilText("#votes-left", "1 / 3");
    a.until(d -> ideaItem(a, "案例教学进课堂").getText().contains("0 票"));

    new Select(b.find("#idea-filter")).selectByVisibleText("科研");
    b.until(d -> b.all("#ideas li.idea").size() == 1);

    ideaItem(b, "调研成果转化").findElement(By.cssSelector("button.to-findings")).click();
    a.until(d -> a.editorText().contains("科研\n调研成果转化\n"));
    a.until(d -> a.editorText().equals(b.editorText()));
  }

  @Test
  void theFacilitatorsTimerAndBroadcastReachTheParticipants() {
    Browser participant = web.browser();
    web.joinInto(participant, 2, "刘老师", "山东省委党校");
    Browser facilitator = openConsole();
    WebElement row = facilitator.find("tr[data-room='" + web.room(2).getString("id") + "']");
    WebElement minutes = row.findElement(By.cssSelector("td.actions input.minutes"));
    minutes.clear();
    minutes.sendKeys("5");
    row.findElement(By.cssSelector("td.actions [data-action=start]")).click();
    participant.until(d -> {
      String time = participant.find("#timer .timer-time").getText();
      return time.startsWith("04:") || time.equals("05:00");
    });
    participant.untilText("#timer", "进行中");

    facilitator.find("#broadcast-text-input").sendKeys("请各组 10 分钟后回到主会场");
    facilitator.find("#broadcast-form button[type=submit]").click();
    participant.untilText("#broadcast-text", "请各组 10 分钟后回到主会场");
    participant.find("#broadcast-dismiss").click();
    participant.until(d -> !d.findElement(By.id("broadcast")).isDisplayed());
  }

  @Test
  void aClosedRoomIsReadOnly() {
    Browser participant = web.browser();
    web.joinInto(participant, 3, "陈老师", "湖北省委党校");
    participant.focusEditor(true);
    participant.type("Open still. ");
    Browser facilitator = openConsole();
    facilitator.find("tr[data-room='" + web.room(3).getString("id") + "'] button.toggle-room").click();
    participant.until(d -> d.findElement(By.id("closed-banner")).isDisplayed());
    participant.until(d -> "false".equals(d.findElement(By.cssSelector("#findings-editor .ql-editor")).getDomAttribute("contenteditable")));
    assertThat(participant.find("#idea-text").isEnabled()).isFalse();
    assertThat(web.serverText(3)).contains("Open still. ");
  }

  @Test
  void markupInAnIdeaIsShownAsTextEverywhere() {
    Browser a = web.browser();
    Browser b = web.browser();
    web.joinInto(a, 4, "周老师", "河南省委党校");
    web.joinInto(b, 4, "吴老师", "湖南省委党校");
    String markup = "<img src=x onerror=alert(1)>";
    addIdea(a, markup, "教学");
    b.until(d -> b.all("#ideas li.idea").size() == 1);
    for (Browser browser : List.of(a, b)) {
      assertThat(browser.find("#ideas .idea-text").getText()).isEqualTo(markup);
      assertThat(browser.all("#ideas img")).isEmpty();
    }
    ideaItem(b, markup).findElement(By.cssSelector("button.to-findings")).click();
    a.until(d -> a.editorText().contains(markup));
    assertThat(a.all("#findings-editor img")).isEmpty();
    for (Browser browser : List.of(a, b)) {
      assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }
  }

  private static Browser openConsole() {
    Browser facilitator = web.browser();
    web.signInAsOrganiser(facilitator);
    facilitator.go("/console?workshop=" + web.workshopId());
    facilitator.until(d -> facilitator.connectionState().equals("connected"));
    return facilitator;
  }

  private static void addIdea(Browser browser, String text, String theme) {
    browser.find("#idea-text").sendKeys(text);
    if (theme != null) {
      new Select(browser.find("#idea-theme")).selectByVisibleText(theme);
    }
    browser.find("#idea-add").click();
    browser.untilText("#ideas", text);
  }

  private static WebElement ideaItem(Browser browser, String text) {
    return browser.until(d -> d.findElements(By.cssSelector("#ideas li.idea")).stream()
        .filter(li -> li.findElement(By.cssSelector(".idea-text")).getText().equals(text))
        .findFirst().orElse(null));
  }
}
