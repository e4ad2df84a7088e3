package org.yantao.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.yantao.security.Secrets;

/**
 * The organiser's key: taken from the configuration, or generated on the first start and kept in
 * the data directory so that the printed organiser link stays valid across restarts.
 */
public final class OrganiserKey {
  static final String FILE_NAME = "organiser.key";

  private OrganiserKey() {}

  public static String resolve(AppConfig config) throws IOException {
    if (config.organiserKey() != null) {
      return config.organiserKey();
    }
    Path file = config.dataDir().resolve(FILE_NAME);
    if (Files.exists(file)) {
      String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!stored.isEmpty()) {
        return stored;
      }
    }
    String key = Secrets.newSecret();
    Files.createDirectories(config.dataDir());
    Files.writeString(file, key + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows keeps the file's default ACL; the key is still only in the operator's data directory.
    }
    return key;
  }
}
