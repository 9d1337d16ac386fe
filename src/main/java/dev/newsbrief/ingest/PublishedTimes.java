package dev.newsbrief.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
