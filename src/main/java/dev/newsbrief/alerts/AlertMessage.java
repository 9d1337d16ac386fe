package dev.newsbrief.alerts;

import java.time.ZoneId;
import java.util.List;

/**
 * One outgoing alert message as a structured value: a single alert, an instant bundle or a
 * daily digest, grouped by topic. Each front end renders it its own way, and says how much fits
 * in one of its messages ({@link AlertSink#fits}); {@link #moreCount} says how many matched
 * articles did not fit.
 *
 * @param chatId    the chat
 * @param kind      alert, bundle, digest, or the continuation of one
 * @param sections  per topic, in the order the chat subscribed
 * @param moreCount articles left out for length ("+N more"), 0 when none
 * @param buttons   unsubscribe buttons (one per topic) and "+N more" when it overflowed
 * @param zone      the chat's time zone, for dates
 * @param language  the chat's language (its words and dates), or null for English
 */
public record AlertMessage(long chatId, Kind kind, List<AlertSection> sections, int moreCount,
        List<AlertButton> buttons, ZoneId zone, String language) {

    /** A message in English. */
    public AlertMessage(long chatId, Kind kind, List<AlertSection> sections, int moreCount,
            List<AlertButton> buttons, ZoneId zone) {
        this(chatId, kind, sections, moreCount, buttons, zone, null);
    }

    /** Which kind of message this is, which decides its heading. */
    public enum Kind {
        ALERT,
        BUNDLE,
        DIGEST,
        /** The next articles of an earlier bundle or digest, after its "+N more" button was pressed. */
        MORE
    }

    public AlertMessage {
        sections = List.copyOf(sections);
        buttons = List.copyOf(buttons);
    }

    public int itemCount() {
        return sections.stream().mapToInt(s -> s.items().size()).sum();
    }
}
