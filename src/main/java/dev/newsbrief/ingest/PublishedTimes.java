package dev.newsbrief.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the publication times found in the wild: ISO-8601 instants, offsets or local times
 * (taken as UTC), plain dates, RFC 1123 dates, and epoch seconds or milliseconds.
 */
public final class PublishedTimes {
    /** Epoch values above this are milliseconds (seconds would be past the year 5000). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,15}");

    private PublishedTimes() {
    }

    public static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String s = value.strip();
        Instant utc = plainUtcInstant(s);
        if (utc != null) {
            return Optional.of(utc);
        }
        if (EPOCH.matcher(s).matches()) {
            return Optional.of(fromEpoch(Long.parseLong(s)));
        }
        for (var parser : PARSERS) {
            try {
                return Optional.of(parser.parse(s));
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    /**
     * The common {@code 2024-05-01T12:30:00Z} form read by hand (about ten times cheaper than the
     * general ISO parser, which matters at thousands of records); null for any other form.
     */
    static Instant plainUtcInstant(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    /** The decimal number in {@code s[from, to)}, or -1 if any character is not a digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public static Instant fromEpoch(long value) {
        return Math.abs(value) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    private interface Parser {
        Instant parse(String s);
    }

    private static final Parser[] PARSERS = {
        Instant::parse,
        s -> OffsetDateTime.parse(s).toInstant(),
        s -> ZonedDateTime.parse(s).toInstant(),
        s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC),
        s -> LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC),
        s -> LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant(),
        s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
    };
}
