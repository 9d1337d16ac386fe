package dev.newsbrief.chat;

import dev.newsbrief.brief.Briefing;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A briefing as the chat shows it: the structured briefing (lead, items, citations, cursor) and
 * the time zone its dates are shown in. Front ends render it; the chat reads what its buttons need.
 *
 * @param briefing the briefing service's answer
 * @param zone     the zone of the dates in its source lines
 * @param notice   a line front ends show under it, or null: while the index is behind the store,
 *                 "The index is rebuilding: N of M articles are searchable so far; ..."
 * @param language the reader's language of its headings and dates, or null for English
 */
public record BriefingView(Briefing briefing, ZoneId zone, String notice, String language) {
    public BriefingView {
        Objects.requireNonNull(briefing, "briefing");
        Objects.requireNonNull(zone, "zone");
    }

    /** A briefing rendered in English, with no notice. */
    public BriefingView(Briefing briefing, ZoneId zone) {
        this(briefing, zone, null, null);
    }

    /** A briefing rendered in English, with a notice line (or null). */
    public BriefingView(Briefing briefing, ZoneId zone, String notice) {
        this(briefing, zone, notice, null);
    }

    /** The same briefing rendered in {@code readerLanguage}. */
    public BriefingView inLanguage(String readerLanguage) {
        return new BriefingView(briefing, zone, notice, readerLanguage);
    }

    /** The question or topic it answers, as understood. */
    public String query() {
        return briefing.query();
    }

    /** True when nothing matched (the briefing then says so and may suggest spellings). */
    public boolean isEmpty() {
        return briefing.items().isEmpty() && briefing.lead() == null;
    }

    /** The cursor for "More" when further items exist. */
    public Optional<String> moreCursor() {
        return Optional.ofNullable(briefing.cursor());
    }

    /** The topic the briefing suggests subscribing to, when it has its own idea of one. */
    public Optional<String> subscribeTopic() {
        return Optional.ofNullable(briefing.subscribeTopic());
    }
}
