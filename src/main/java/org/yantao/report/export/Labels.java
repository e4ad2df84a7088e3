package org.yantao.report.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The few words exports print themselves, in Chinese or English. */
record Labels(boolean chinese, String contents, String generated, List<String> ideaColumns,
              DateTimeFormatter dateTime) {

  private static final Labels ZH = new Labels(true, "目录", "生成时间",
      List.of("分组", "主题", "观点", "作者", "单位", "票数", "时间"),
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE));
  private static final Labels EN = new Labels(false, "Contents", "Generated",
      List.of("Room", "Theme", "Idea", "Author", "Organisation", "Votes", "Time"),
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH));

  static Labels of(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? ZH : EN;
  }

  String time(long epochMillis, ZoneId zone) {
    return dateTime.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  String generatedLine(long epochMillis, ZoneId zone) {
    return generated + (chinese ? "：" : ": ") + time(epochMillis, zone);
  }
}
