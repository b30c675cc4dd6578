package org.jdpx.device;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in settings ({@code 250ms}, {@code 5s}, {@code 2m}) and read them in messages. */
public final class Durations {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * Reads a duration: a number with a unit {@code ms}, {@code s}, {@code m} or {@code h} (a bare
     * number is seconds), or ISO-8601 such as {@code PT1.5S}. {@code 0}, {@code none} and
     * {@code off} mean no limit.
     *
     * @param setting what the text came from, for the message (e.g. {@code -Djdpx.launchTimeout})
     * @return the duration, empty for no limit or blank text
     * @throws IllegalArgumentException naming the setting and the accepted forms
     */
    public static Optional<Duration> parse(String text, String setting) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.equals("off")) {
            return Optional.empty();
        }
        Duration d;
        Matcher m = AMOUNT.matcher(t);
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            long nanosPerUnit = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> 1_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> 1_000_000_000L;
            };
            d = Duration.ofNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
        } else {
            try {
                d = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(setting + " is '" + text + "', which is not a duration: write "
                        + "e.g. 500ms, 30s, 5m, 1h or PT30S (0, none or off for no limit)", e);
            }
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException(setting + " is '" + text + "': a timeout cannot be negative");
        }
        return d.isZero() ? Optional.empty() : Optional.of(d);
    }

    /** A short human form: {@code 100 ms}, {@code 5 s}, {@code 2.5 s}. */
    public static String format(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + " ms" : d.toNanos() / 1000.0 + " µs";
        }
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }
}
