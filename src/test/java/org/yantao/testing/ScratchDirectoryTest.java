package org.yantao.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDirectoryTest {
  @Test
  void closingRemovesTheDirectoryWithEverythingInIt() throws Exception {
    Path path;
    try (ScratchDirectory scratch = ScratchDirectory.create("yantao-scratch-test")) {
      path = scratch.path();
      Files.createDirectories(path.resolve("h2/nested"));
      Files.writeString(path.resolve("h2/nested/yantao.mv.db"), "数据");
      Files.writeString(path.resolve("top.txt"), "x");
      assertThat(path).isDirectory();
    }
    assertThat(path).doesNotExist();
  }

  @Test
  void closingTwiceIsHarmless() {
    ScratchDirectory scratch = ScratchDirectory.create("yantao-scratch-test");
    scratch.close();
    scratch.close();
    assertThat(scratch.path()).doesNotExist();
  }
}
