package dev.newsbrief.sources;

import java.time.Duration;

/** Retry delay of a failing source: its interval doubled per consecutive failure, capped. */
public record Backoff(Duration max) {
    /** The back-off, but no sooner than {@code notBefore} (a server's Retry-After); never beyond the cap. */
    public Duration after(Duration interval, int failures, Duration notBefore) {
        Duration d = after(interval, failures);
        Duration wanted = notBefore.compareTo(d) > 0 ? notBefore : d;
        return wanted.compareTo(max) > 0 ? max : wanted;
    }

    public Duration after(Duration interval, int failures) {
        if (failures <= 0) {
            return interval;
        }
        int shift = Math.min(failures, 30);
        long millis = interval.toMillis();
        long scaled = millis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : millis << shift;
        Duration d = Duration.ofMillis(scaled);
        return d.compareTo(max) > 0 ? max : d;
    }
}
