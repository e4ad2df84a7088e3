package org.yantao.error;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Human wording for error codes, in Chinese or English; clients may also localise by code. */
public final class Messages {
  private static final ResourceBundle ZH = ResourceBundle.getBundle("i18n.errors", Locale.SIMPLIFIED_CHINESE);
  private static final ResourceBundle EN = ResourceBundle.getBundle("i18n.errors", Locale.ROOT);

  private Messages() {}

  public static String format(String code, List<String> args, boolean chinese) {
    ResourceBundle bundle = chinese ? ZH : EN;
    try {
      return new MessageFormat(bundle.getString(code), chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH)
          .format(args.toArray());
    } catch (MissingResourceException e) {
      return code;
    }
  }

  /** True when an Accept-Language header puts Chinese before English (or names only Chinese). */
  public static boolean prefersChinese(String acceptLanguage) {
    if (acceptLanguage == null) {
      return false;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    for (Locale.LanguageRange range : ranges) {
      String tag = range.getRange().toLowerCase(Locale.ROOT);
      if (tag.startsWith("zh")) {
        return true;
      }
      if (tag.startsWith("en")) {
        return false;
      }
    }
    return false;
  }
}
