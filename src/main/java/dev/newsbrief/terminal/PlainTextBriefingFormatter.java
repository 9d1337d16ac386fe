package dev.newsbrief.terminal;

import dev.newsbrief.brief.AlsoReported;
import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.BriefingText;
import dev.newsbrief.brief.Citation;
import dev.newsbrief.lang.Messages;
import java.time.ZoneId;

/** Renders a {@link Briefing} as plain text for the terminal: no markup, links on their own line. */
public final class PlainTextBriefingFormatter {
    private final ZoneId zone;
    private final Messages m;

    public PlainTextBriefingFormatter(ZoneId zone) {
        this(zone, null);
    }

    /** A formatter writing in {@code language} (English when the bot does not speak it). */
    public PlainTextBriefingFormatter(ZoneId zone, String language) {
        this.zone = zone;
        this.m = Messages.of(language);
    }

    public String format(Briefing b) {
        StringBuilder sb = new StringBuilder();
        paragraph(sb, BriefingText.headline(b, m));
        paragraph(sb, BriefingText.correction(b, m));
        if (b.lead() != null) {
            paragraph(sb, b.lead().text() + (b.leadCitation() > 0 ? " [" + b.leadCitation() + "]" : ""));
        }
        for (BriefItem item : b.items()) {
            Citation c = item.citation();
            StringBuilder p = new StringBuilder().append(c.number()).append(". ").append(c.title());
            String source = BriefingText.sourceLine(c, zone, m);
            if (!source.isEmpty()) {
                p.append(" \u2014 ").append(source);
            }
            if (!item.text().isEmpty()) {
                p.append('\n').append("   ").append(item.text().text());
            }
            if (c.url() != null) {
                p.append('\n').append("   ").append(c.url());
            }
            if (!item.alsoReported().isEmpty()) {
                p.append('\n').append("   ").append(BriefingText.alsoReported(item.alsoReported(), m,
                        AlsoReported.Source::name, text -> text));
            }
            paragraph(sb, p.toString());
        }
        if (!b.suggestions().isEmpty()) {
            paragraph(sb, m.get("brief.did-you-mean", String.join(" " + m.get("brief.or") + " ", b.suggestions())));
        }
        if (b.kind() == Briefing.Kind.NO_RESULTS && b.subscribeTopic() != null) {
            paragraph(sb, "Subscribe with /subscribe " + b.subscribeTopic() + " to hear when something appears.");
        }
        return sb.toString();
    }

    private static void paragraph(StringBuilder sb, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append("\n\n");
        }
        sb.append(text);
    }
}
