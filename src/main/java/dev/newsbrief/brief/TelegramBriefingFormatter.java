package dev.newsbrief.brief;

import java.time.ZoneId;

/**
 * Renders a {@link Briefing} as Telegram HTML: only {@code <b>}, {@code <i>} and {@code <a href>},
 * every piece of text escaped, at most {@link TelegramHtml#MAX_MESSAGE_CHARS} characters.
 */
public final class TelegramBriefingFormatter {
    private final ZoneId zone;

    public TelegramBriefingFormatter(ZoneId zone) {
        this.zone = zone;
    }

    public String format(Briefing b) {
        StringBuilder sb = new StringBuilder();
        paragraph(sb, escapeLine(BriefingText.headline(b)));
        paragraph(sb, "<i>" + TelegramHtml.escape(BriefingText.correction(b)) + "</i>", !BriefingText.correction(b).isEmpty());
        if (b.lead() != null) {
            paragraph(sb, marked(b.lead()) + (b.leadCitation() > 0 ? " [" + b.leadCitation() + "]" : ""));
        }
        for (BriefItem item : b.items()) {
            Citation c = item.citation();
            StringBuilder p = new StringBuilder();
            p.append(c.number()).append(". <b>").append(TelegramHtml.link(c.url(), c.title())).append("</b>");
            String source = BriefingText.sourceLine(c, zone);
            if (!source.isEmpty()) {
                p.append(" \u2014 <i>").append(TelegramHtml.escape(source)).append("</i>");
            }
            if (!item.text().isEmpty()) {
                p.append('\n').append(marked(item.text()));
            }
            if (!item.alsoReported().isEmpty()) {
                p.append('\n').append(BriefingText.alsoReported(item.alsoReported(),
                        other -> TelegramHtml.link(other.url(), other.name())));
            }
            paragraph(sb, p.toString());
        }
        if (!b.suggestions().isEmpty()) {
            StringBuilder p = new StringBuilder("Did you mean ");
            for (int i = 0; i < b.suggestions().size(); i++) {
                p.append(i == 0 ? "" : i == b.suggestions().size() - 1 ? " or " : ", ");
                p.append("<b>").append(TelegramHtml.escape(b.suggestions().get(i))).append("</b>");
            }
            paragraph(sb, p.append('?').toString());
        }
        if (b.kind() == Briefing.Kind.NO_RESULTS && b.subscribeTopic() != null) {
            paragraph(sb, "Subscribe and I will tell you when something appears.");
        }
        return TelegramHtml.truncate(sb.toString(), TelegramHtml.MAX_MESSAGE_CHARS);
    }

    private static String escapeLine(String s) {
        return TelegramHtml.escape(s);
    }

    private static void paragraph(StringBuilder sb, String html) {
        paragraph(sb, html, true);
    }

    private static void paragraph(StringBuilder sb, String html, boolean when) {
        if (!when || html.isEmpty()) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append("\n\n");
        }
        sb.append(html);
    }

    /** The text escaped, with the marked ranges in {@code <b>}. */
    static String marked(MarkedText m) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (MarkedText.Span s : m.marks()) {
            sb.append(TelegramHtml.escape(m.text().substring(at, s.start())));
            sb.append("<b>").append(TelegramHtml.escape(m.text().substring(s.start(), s.end()))).append("</b>");
            at = s.end();
        }
        sb.append(TelegramHtml.escape(m.text().substring(at)));
        return sb.toString();
    }
}
