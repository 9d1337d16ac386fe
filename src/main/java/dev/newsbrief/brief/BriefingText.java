package dev.newsbrief.brief;

import dev.newsbrief.lang.Messages;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * The words a briefing says besides its quotes (its headline, the spelling correction, each
 * citation's source line), shared by every front end's rendering so that all say the same things.
 */
public final class BriefingText {
    private BriefingText() {
    }

    public static String sourceLine(Citation c, ZoneId zone) {
        return sourceLine(c, zone, Messages.english());
    }

    /** The citation's source and date, the date written the reader's way. */
    public static String sourceLine(Citation c, ZoneId zone, Messages m) {
        StringBuilder sb = new StringBuilder();
        if (c.source() != null && !c.source().isBlank()) {
            sb.append(c.source());
        }
        if (c.published() != null) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(m.date(c.published(), zone));
        }
        return sb.toString();
    }

    public static String headline(Briefing b) {
        return headline(b, Messages.english());
    }

    public static String headline(Briefing b, Messages m) {
        return switch (b.kind()) {
            case NO_RESULTS -> b.timeLabel().isEmpty() ? m.get("brief.nothing", b.query())
                    : m.get("brief.nothing-when", b.query(), b.timeLabel());
            case EMPTY_QUERY -> m.get("brief.empty");
            case EXHAUSTED -> m.get("brief.exhausted");
            case LATEST -> b.query().isEmpty() ? m.get("brief.latest") : m.get("brief.latest-on", b.query());
            case MORE -> m.get("brief.more-on", b.query());
            case ANSWER -> "";
        };
    }

    private static final String NAMES = "@@names@@";

    /**
     * "Also reported by A, B (+3)" in the reader's language; empty when no other outlet did. Each
     * name is rendered by {@code name} (a link, say) and the words around them by {@code escape}, so
     * a markup renderer escapes the message's own words but not its links.
     */
    public static String alsoReported(AlsoReported also, Messages m, Function<AlsoReported.Source, String> name,
            Function<String, String> escape) {
        if (also.isEmpty()) {
            return "";
        }
        StringBuilder names = new StringBuilder();
        List<AlsoReported.Source> named = also.named();
        for (int i = 0; i < named.size(); i++) {
            names.append(i == 0 ? "" : ", ").append(name.apply(named.get(i)));
        }
        String pattern = also.more() > 0 ? m.get("brief.also-reported-more", NAMES, also.more())
                : m.get("brief.also-reported", NAMES);
        return escape.apply(pattern).replace(NAMES, names);
    }

    public static String correction(Briefing b) {
        return correction(b, Messages.english());
    }

    public static String correction(Briefing b, Messages m) {
        return b.correctedQuery() == null ? "" : m.get("brief.corrected", b.correctedQuery());
    }
}
