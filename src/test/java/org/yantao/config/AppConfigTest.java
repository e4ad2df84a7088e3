package org.yantao.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

  @Test
  void defaultsServeThisMachineOnly() {
    AppConfig config = AppConfig.load(Map.of());
    Path data = Path.of("data").toAbsolutePath().normalize();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(data);
    assertThat(config.dbUrl()).startsWith("jdbc:h2:file:" + data.resolve("yantao"));
    assertThat(config.usesPostgres()).isFalse();
    assertThat(config.organiserKey()).isNull();
    assertThat(config.publicUrl()).isNull();
    assertThat(config.clusterName()).isEqualTo("yantao");
    assertThat(config.clustered()).isFalse();
    assertThat(config.clusterPort()).isEqualTo(5701);
    assertThat(config.cjkFont()).isNull();
  }

  @Test
  void aConfiguredCjkFontIsAPath() {
    AppConfig config = AppConfig.load(Map.of(), "--cjk-font=/opt/fonts/wqy-microhei.ttc");

    assertThat(config.cjkFont()).isEqualTo(Path.of("/opt/fonts/wqy-microhei.ttc"));
  }

  @Test
  void environmentOverridesDefaults() {
    AppConfig config = AppConfig.load(Map.of(
        "YANTAO_HOST", "0.0.0.0",
        "YANTAO_PORT", "9090",
        "YANTAO_DATA_DIR", "/srv/yantao",
        "YANTAO_DB_URL", "jdbc:postgresql://db:5432/yantao",
        "YANTAO_DB_USER", "app",
        "YANTAO_DB_PASSWORD", "secret",
        "YANTAO_ORGANISER_KEY", "key",
        "YANTAO_PUBLIC_URL", "https://yantao.example.org",
        "YANTAO_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701,",
        "YANTAO_CLUSTER_PORT", "5801"));

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/yantao"));
    assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://db:5432/yantao");
    assertThat(config.usesPostgres()).isTrue();
    assertThat(config.dbUser()).isEqualTo("app");
    assertThat(config.dbPassword()).isEqualTo("secret");
    assertThat(config.organiserKey()).isEqualTo("key");
    assertThat(config.publicUrl()).isEqualTo("https://yantao.example.org");
    assertThat(config.clusterMembers()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
    assertThat(config.clustered()).isTrue();
    assertThat(config.clusterPort()).isEqualTo(5801);
  }

  @Test
  void embeddedDatabaseFollowsTheDataDirectory() {
    AppConfig config = AppConfig.load(Map.of("YANTAO_DATA_DIR", "/srv/yantao"));

    assertThat(config.dbUrl()).isEqualTo(AppConfig.h2Url(Path.of("/srv/yantao"))).startsWith("jdbc:h2:file:/srv/yantao/yantao;");
  }

  @Test
  void blankValuesFallBackToDefaults() {
    AppConfig config = AppConfig.load(Map.of("YANTAO_PORT", " ", "YANTAO_HOST", ""));

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.host()).isEqualTo("127.0.0.1");
  }

  @Test
  void flagsOverrideTheEnvironment() {
    AppConfig config = AppConfig.load(Map.of("YANTAO_PORT", "7000", "YANTAO_DATA_DIR", "/from/env"),
        "--port=9090", "--data-dir=/from/flag", "--cluster-members=a:5701,b:5701");

    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.dataDir()).isEqualTo(Path.of("/from/flag"));
    assertThat(config.clusterMembers()).isEqualTo(List.of("a:5701", "b:5701"));
  }

  @Test
  void badNumberNamesTheSettingAndTheValue() {
    assertThatThrownBy(() -> AppConfig.load(Map.of("YANTAO_PORT", "eighty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("YANTAO_PORT").hasMessageContaining("eighty");
    assertThatThrownBy(() -> AppConfig.load(Map.of(), "--cluster-port=57o1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("YANTAO_CLUSTER_PORT").hasMessageContaining("57o1");
  }

  @Test
  void argumentThatIsNotAFlagIsRefused() {
    assertThatThrownBy(() -> AppConfig.load(Map.of(), "9090"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9090").hasMessageContaining("--name=value");
    assertThatThrownBy(() -> AppConfig.load(Map.of(), "--port"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
  }
}
