package org.yantao.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNameTest {

  @Test
  void anAsciiNameFromTheTitleAndTheRealTitleForClientsThatReadIt() {
    FileName name = FileName.of("2026 研讨班 Seminar: Café \"Report\"", "w1", "pdf");

    assertThat(name.ascii()).isEqualTo("2026-Seminar-Cafe-Report.pdf");
    assertThat(name.contentDisposition()).isEqualTo(
        "attachment; filename=\"2026-Seminar-Cafe-Report.pdf\"; filename*=UTF-8''"
            + "2026%20%E7%A0%94%E8%AE%A8%E7%8F%AD%20Seminar%20Caf%C3%A9%20Report.pdf");
    String encoded = name.contentDisposition().substring(name.contentDisposition().indexOf("''") + 2);
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("2026 研讨班 Seminar Café Report.pdf");
  }

  @Test
  void anAllChineseTitleIsNamedByTheId() {
    FileName name = FileName.of("教学研讨成果", "ws-7f3a", "docx");

    assertThat(name.ascii()).isEqualTo("ws-7f3a.docx");
    assertThat(name.unicode()).isEqualTo("教学研讨成果.docx");
  }

  @Test
  void nothingInTheNameCanBreakTheHeaderOrAPath() {
    FileName name = FileName.of("a\"b\r\nSet-Cookie: x=1;/../..\\etc\\passwd", "w1", "md");

    assertThat(name.ascii()).matches("[A-Za-z0-9._-]+").isEqualTo("a-b-Set-Cookie-x-1-etc-passwd.md");
    assertThat(name.contentDisposition()).doesNotContain("\r").doesNotContain("\n")
        .doesNotContain("/").doesNotContain("\\");
    assertThat(name.contentDisposition().chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
  }
}
