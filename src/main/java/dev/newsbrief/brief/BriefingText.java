package dev.newsbrief.brief;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

    public static String correction(Briefing b) {
        return b.correctedQuery() == null ? "" : "Showing results for \u201C" + b.correctedQuery() + "\u201D.";
    }
}
