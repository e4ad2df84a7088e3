package org.yantao.report.export;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Link targets an export may carry: http, https and mailto only, so that no export can run script
 * ({@code javascript:}), read local files ({@code file:}) or smuggle content ({@code data:}).
 * The target comes back as a plain ASCII URI that every format's writer accepts.
 */
final class SafeLink {

  private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
  private static final int MAX_LENGTH = 2000;

  private SafeLink() {
  }

  static Optional<String> of(Object target) {
    if (!(target instanceof String text) || text.isBlank() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String encoded = encoded(asciiHost(text.strip()));
    if (encoded == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(encoded);
      String scheme = uri.getScheme();
      if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
      if (!scheme.equalsIgnoreCase("mailto") && (uri.getHost() == null || uri.isOpaque())) {
        return Optional.empty();
      }
      return Optional.of(encoded);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** A Chinese (internationalised) host name in its ASCII form, which is what URIs and Word accept. */
  private static String asciiHost(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return url;
    }
    start += 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    String hostAndPort = authority.substring(at + 1);
    int colon = hostAndPort.lastIndexOf(':');
    if (hostAndPort.startsWith("[") || hostAndPort.chars().allMatch(c -> c < 0x80)) {
      return url;
    }
    String host = colon >= 0 ? hostAndPort.substring(0, colon) : hostAndPort;
    try {
      return url.substring(0, start) + authority.substring(0, at + 1) + IDN.toASCII(host)
          + hostAndPort.substring(host.length()) + url.substring(end);
    } catch (IllegalArgumentException notAHostName) {
      return url;
    }
  }

  /** Non-ASCII and characters URIs forbid as %XX of their UTF-8; null when there is a control character. */
  private static String encoded(String text) {
    StringBuilder encoded = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x20 || c == 0x7f) {
        return null;
      }
      if (c >= 0x80 || " \"<>\\^`{|}".indexOf(c) >= 0) {
        encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
      } else {
        encoded.append((char) c);
      }
    }
    return encoded.toString();
  }
}
