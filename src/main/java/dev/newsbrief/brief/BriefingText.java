package dev.newsbrief.brief;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The words a briefing says besides its quotes (its headline, the spelling correction, each
 * citation's source line), shared by every front end's rendering so that all say the same things.
 */
public final class BriefingText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private BriefingText() {
    }

    public static String sourceLine(Citation c, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        if (c.source() != null && !c.source().isBlank()) {
            sb.append(c.source());
        }
        if (c.published() != null) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(DATE.format(c.published().atZone(zone)));
        }
        return sb.toString();
    }

    public static String headline(Briefing b) {
        return switch (b.kind()) {
            case NO_RESULTS -> "I found nothing about \u201C" + b.query() + "\u201D"
                    + (b.timeLabel().isEmpty() ? "" : " (" + b.timeLabel() + ")") + ".";
            case EMPTY_QUERY -> "Tell me what you want to know: a question or a few words, "
                    + "for example \u201Coil prices\u201D.";
            case EXHAUSTED -> "That is all I have on this.";
            case LATEST -> b.query().isEmpty() ? "Latest news:" : "Latest on \u201C" + b.query() + "\u201D:";
            case MORE -> "More on \u201C" + b.query() + "\u201D:";
            case ANSWER -> "";
        };
    }

    /** "Also reported by A, B (+3)" with each name rendered by {@code name}; empty when no other outlet did. */
    public static String alsoReported(AlsoReported also,
            java.util.function.Function<AlsoReported.Source, String> name) {
        if (also.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Also reported by ");
        List<AlsoReported.Source> named = also.named();
        for (int i = 0; i < named.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(name.apply(named.get(i)));
        }
        if (also.more() > 0) {
            sb.append(" (+").append(also.more()).append(')');
        }
        return sb.toString();
    }

    public static String correction(Briefing b) {
        return b.correctedQuery() == null ? "" : "Showing results for \u201C" + b.correctedQuery() + "\u201D.";
    }
}
