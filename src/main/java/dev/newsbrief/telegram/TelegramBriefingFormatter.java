package dev.newsbrief.telegram;

import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.BriefingText;
import dev.newsbrief.brief.Citation;
import dev.newsbrief.brief.MarkedText;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Briefing} as Telegram HTML: only {@code <b>}, {@code <i>} and {@code <a href>},
 * every piece of text escaped. {@link #blocks} gives its paragraphs (headline, lead, one per item,
 * ...), which a chat reply packs into messages of at most {@link TelegramHtml#MAX_MESSAGE_CHARS}
 * characters, cutting between items; {@link #format} gives it as one message, shortened to fit.
 */
public final class TelegramBriefingFormatter {
    private final ZoneId zone;

    public TelegramBriefingFormatter(ZoneId zone) {
        this.zone = zone;
    }

    /** The briefing as one message (an inline result): its blocks, shortened with an ellipsis to fit. */
    public String format(Briefing b) {
        return TelegramHtml.truncate(String.join("\n\n", blocks(b)), TelegramHtml.MAX_MESSAGE_CHARS);
    }

    /** The briefing's paragraphs in order, each complete markup: headline, correction, lead, items, ... */
    public List<String> blocks(Briefing b) {
        List<String> sb = new ArrayList<>();
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
        return sb;
    }

    private static String escapeLine(String s) {
        return TelegramHtml.escape(s);
    }

    private static void paragraph(List<String> blocks, String html) {
        paragraph(blocks, html, true);
    }

    private static void paragraph(List<String> blocks, String html, boolean when) {
        if (when && !html.isEmpty()) {
            blocks.add(html);
        }
    }

    /** The text escaped, with the marked ranges in {@code <b>}. */
    public static String marked(MarkedText m) {
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
