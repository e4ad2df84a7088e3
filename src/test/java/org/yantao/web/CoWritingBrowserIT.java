package org.yantao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yantao.testing.Browser;

/**
 * Real pages in headless Chromium against a real node: joining by code, co-writing the findings
 * (also through an input method while someone else types), going offline and reloading with unsent
 * edits, and the console. Each test uses a room of its own.
 */
class CoWritingBrowserIT {
  @RegisterExtension
  static final WebFixture web = new WebFixture(4);

  @Test
  void twoParticipantsJoinByCodeAndEndWithTheServersText() {
    Browser a = web.browser();
    Browser b = web.browser();
    a.go("/j/" + web.joinCode());
    assertThat(a.find("#join-form input[name=joinCode]").getDomProperty("value")).isEqualTo(web.joinCode());
    a.find("#join-form input[name=name]");
    a.screenshot("join-page-zh-CN");

    web.joinInto(a, 0, "王老师", "江苏省委党校");
    web.joinInto(b, 0, "李老师", "四川省委党校");
    assertThat(a.find("#room-question").getText()).contains("决策咨询");
    assertThat(a.editorText()).contains("教学").contains("科研").contains("决策咨询");

    a.focusEditor(true);
    b.focusEditor(false);
    CompletableFuture<Void> typingA = CompletableFuture.runAsync(() -> a.type("Teaching cases from the provinces. "));
    CompletableFuture<Void> typingB = CompletableFuture.runAsync(() -> b.type("Research agenda first. "));
    typingA.join();
    typingB.join();
    converged(a, b);

    // Chinese through the input method in A, while B's edits arrive in the middle of the composition.
    a.focusEditor(true);
    a.imeCompose("yan");
    a.imeCompose("yantao");
    b.focusEditor(false);
    b.type("Policy advice. ");
    long withB = awaitServerContains(0, "Policy advice. ");
    a.until(d -> a.editorRev() >= withB);
    assertThat(web.serverText(0)).doesNotContain("yan");
    a.imeCommit("研讨成果");
    a.imeCompose("ke");
    a.imeCommit("科");
    converged(a, b);

    String text = web.serverText(0);
    assertThat(text).contains("Teaching cases from the provinces. ", "Research agenda first. ", "Policy advice. ", "研讨成果科")
        .doesNotContain("yan").doesNotContain("ke科");
    assertThat(a.editorText()).isEqualTo(text);
    assertThat(b.editorText()).isEqualTo(text);
    assertThat(a.connectionState()).isEqualTo("connected");
    a.screenshot("room-view-zh-CN");
    assertThat(a.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
  }

  @Test
  void editsMadeOfflineAreSentWhenTheConnectionIsBack() {
    Browser a = web.browser();
    Browser b = web.browser();
    web.joinInto(a, 1, "张老师", "浙江省委党校");
    web.joinInto(b, 1, "赵老师", "广东省委党校");
    a.focusEditor(true);
    a.type("Before. ");
    converged(a, b);

    a.offline(true);
    a.until(d -> a.connectionState().equals("offline"));
    a.type("离线时写的内容。");
    b.focusEditor(false);
    b.type("Meanwhile online. ");
    awaitServerContains(1, "Meanwhile online. ");
    a.until(d -> a.unsent() > 0);
    assertThat(a.find("#connection").getText()).contains("离线").contains("未发送");
    assertThat(web.serverText(1)).doesNotContain("离线时写的内容");

    a.offline(false);
    converged(a, b);
    assertThat(web.serverText(1)).contains("Before. ", "离线时写的内容。", "Meanwhile online. ");
  }

  @Test
  void unsentEditsSurviveAReloadWhileOffline() {
    Browser a = web.browser();
    web.joinInto(a, 2, "刘老师", "山东省委党校");
    a.focusEditor(true);
    a.type("Kept. ");
    a.until(d -> a.unsent() == 0 && web.serverText(2).contains("Kept. "));

    a.offline(true);
    a.until(d -> a.connectionState().equals("offline"));
    a.type("重新加载前写的。");
    a.until(d -> a.unsent() > 0);
    assertThat(web.serverText(2)).doesNotContain("重新加载前写的");
    // Reloading offline throws the page away (the browser shows its own error page); only what the
    // app kept in the browser's storage can bring the text back.
    a.reload();
    a.offline(false);
    a.go("/room");
    a.until(d -> a.editorText().contains("Kept. 重新加载前写的。"));
    a.until(d -> a.unsent() == 0 && a.connectionState().equals("connected"));
    String text = web.serverText(2);
    assertThat(text).contains("Kept. 重新加载前写的。");
    assertThat(a.editorText()).isEqualTo(text);
  }

  @Test
  void theConsoleShowsTheRoomsAndTheJoinCodeForTheProjector() {
    Browser facilitator = web.browser();
    web.signInAsOrganiser(facilitator);
    facilitator.go("/console?workshop=" + web.workshopId());
    facilitator.untilText("#join-code", web.joinCode());
    facilitator.untilText("#rooms-table", web.room(3).getString("name"));
    Object qrInk = facilitator.script("""
        const c = document.getElementById('join-qr');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < px.length; i += 4) { if (px[i] < 128) dark++; }
        return dark;
        """);
    assertThat(((Number) qrInk).intValue()).isPositive();
    facilitator.until(d -> facilitator.connectionState().equals("connected"));
    facilitator.screenshot("facilitator-console-zh-CN");
    assertThat(facilitator.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
  }

  /** Both editors show the same text as the server, with nothing left unsent. */
  private static void converged(Browser a, Browser b) {
    a.until(d -> a.unsent() == 0 && b.unsent() == 0 && a.editorText().equals(b.editorText()));
    a.until(d -> a.editorRev() == b.editorRev() && a.editorText().equals(b.editorText()));
  }

  /** Waits until the server's text of the room contains {@code text}; returns the revision then. */
  private static long awaitServerContains(int room, String text) {
    long[] rev = new long[1];
    org.yantao.testing.Poll.until(() -> {
      if (web.serverText(room).contains(text)) {
        rev[0] = web.serverRev(room);
        return true;
      }
      return false;
    }, 20);
    return rev[0];
  }
}
