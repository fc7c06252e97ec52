package io.protectedfiles.operator.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: 90s, 15m, 1h, 2d, or ISO-8601 (PT15M, P2D). */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("^(\\d{1,9})([smhd])$");

  private Durations() {}

  static Duration parse(String text, String option) throws UsageError {
    String trimmed = text.trim();
    Matcher shortForm = SHORT.matcher(trimmed);
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      return switch (shortForm.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new UsageError("--" + option + " \"" + text + "\" is not a duration; write 90s, 15m, 1h, 2d or ISO-8601 such as PT15M");
    }
  }

  /** The duration, refused unless it is at least one second. */
  static Duration parsePositive(String text, String option) throws UsageError {
    Duration duration = parse(text, option);
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new UsageError("--" + option + " must be positive (at least 1s), was " + text);
    }
    return duration;
  }
}
