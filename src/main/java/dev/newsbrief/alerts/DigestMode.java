package dev.newsbrief.alerts;

import dev.newsbrief.lang.Text;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How a chat receives alerts: {@link Instant} (bundled within a short window), {@link Daily}
 * (one digest at a local time in the chat's zone) or {@link Off} (paused; nothing is queued).
 */
public sealed interface DigestMode {

    /** When an alert matched at {@code now} is due, or null when nothing should be queued. */
    java.time.Instant dueAfter(java.time.Instant now, Duration instantWindow);

    /** The stored {@code chats.digest_mode} value. */
    String storedName();

    /** Words for the user, e.g. "daily at 08:00 (Europe/Berlin)". */
    String describe();

    /** The mode in words for the user ("instant", "daily at 08:00 (Europe/Berlin)"), in any language. */
    Text description();

    /** Alerts as they come, bundled within the instant window. */
    record Instant() implements DigestMode {
        @Override
        public java.time.Instant dueAfter(java.time.Instant now, Duration instantWindow) {
            return now.plus(instantWindow);
        }

        @Override
        public String storedName() {
            return "instant";
        }

        @Override
        public String describe() {
            return "instant";
        }

        @Override
        public Text description() {
            return Text.of("digest.mode-instant");
        }
    }

    /** One digest a day at {@code time} in {@code zone}. */
    record Daily(LocalTime time, ZoneId zone) implements DigestMode {
        /**
         * The first local {@code time} in the zone strictly after {@code now}. On a spring-forward
         * day a time inside the gap moves forward by the gap (02:30 becomes 03:30); on a fall-back
         * day the earlier of the two instants is used, so the digest fires once.
         */
        @Override
        public java.time.Instant dueAfter(java.time.Instant now, Duration instantWindow) {
            LocalDate day = now.atZone(zone).toLocalDate();
            java.time.Instant due = ZonedDateTime.of(day, time, zone).toInstant();
            while (!due.isAfter(now)) {
                day = day.plusDays(1);
                due = ZonedDateTime.of(day, time, zone).toInstant();
            }
            return due;
        }

        @Override
        public String storedName() {
            return "daily";
        }

        @Override
        public String describe() {
            return "daily at " + time + " (" + zone.getId() + ")";
        }

        @Override
        public Text description() {
            return Text.of("digest.mode-daily", time.toString(), zone.getId());
        }
    }

    /** Paused. */
    record Off() implements DigestMode {
        @Override
        public java.time.Instant dueAfter(java.time.Instant now, Duration instantWindow) {
            return null;
        }

        @Override
        public String storedName() {
            return "off";
        }

        @Override
        public String describe() {
            return "off";
        }

        @Override
        public Text description() {
            return Text.of("digest.mode-off");
        }
    }

    /** The mode stored in a chats row; unknown values read as instant, the default. */
    static DigestMode fromStored(dev.newsbrief.store.ChatSchedule schedule) {
        return fromStored(schedule.mode(), schedule.time(), schedule.zone());
    }

    static DigestMode fromStored(String mode, String time, String zone) {
        if ("off".equals(mode)) {
            return new Off();
        }
        if ("daily".equals(mode) && time != null) {
            try {
                return new Daily(LocalTime.parse(time), ZoneId.of(zone == null ? "UTC" : zone));
            } catch (DateTimeException e) {
                return new Instant();
            }
        }
        return new Instant();
    }

    /**
     * Parses the arguments of {@code /digest}: {@code instant}, {@code off}, or
     * {@code daily HH:MM [Area/City]} (the zone defaults to {@code currentZone}).
     *
     * @throws InvalidDigestException with a message for the user
     */
    static DigestMode parse(String args, ZoneId currentZone) {
        String[] parts = args == null ? new String[0] : args.strip().split("\\s+");
        String first = parts.length == 0 ? "" : parts[0].toLowerCase(Locale.ROOT);
        switch (first) {
            case "instant" -> {
                return new Instant();
            }
            case "off" -> {
                return new Off();
            }
            case "daily" -> {
                if (parts.length < 2 || parts.length > 3) {
                    throw new InvalidDigestException(Text.of("digest.bad-time-format"));
                }
                LocalTime time;
                try {
                    time = LocalTime.parse(parts[1].length() == 4 ? "0" + parts[1] : parts[1]);
                } catch (DateTimeParseException e) {
                    throw new InvalidDigestException(Text.of("digest.not-a-time", parts[1]));
                }
                ZoneId zone = currentZone;
                if (parts.length == 3) {
                    try {
                        zone = ZoneId.of(parts[2]);
                    } catch (DateTimeException e) {
                        throw new InvalidDigestException(Text.of("digest.not-a-zone", parts[2]));
                    }
                }
                return new Daily(time.withSecond(0).withNano(0), zone);
            }
            default -> throw new InvalidDigestException(Text.of("digest.bad-usage"));
        }
    }
}
