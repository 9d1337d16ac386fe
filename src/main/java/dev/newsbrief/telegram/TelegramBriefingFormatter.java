package dev.newsbrief.telegram;

import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.BriefingText;
import dev.newsbrief.brief.Citation;
import dev.newsbrief.brief.MarkedText;
import dev.newsbrief.lang.Messages;
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
    /** Stands for the marked-up words in a pattern that is escaped before they go in. */
    private static final String WORDS = "@@words@@";
    private final ZoneId zone;
    private final Messages m;

    public TelegramBriefingFormatter(ZoneId zone) {
        this(zone, null);
    }

    /** A formatter writing in {@code language} (English when the bot does not speak it). */
    public TelegramBriefingFormatter(ZoneId zone, String language) {
        this.zone = zone;
        this.m = Messages.of(language);
    }

    /** The briefing as one message (an inline result): its blocks, shortened with an ellipsis to fit. */
    public String format(Briefing b) {
        return TelegramHtml.truncate(String.join("\n\n", blocks(b)), TelegramHtml.MAX_MESSAGE_CHARS);
    }

    /** The briefing's paragraphs in order, each complete markup: headline, correction, lead, items, ... */
    public List<String> blocks(Briefing b) {
        List<String> sb = new ArrayList<>();
        paragraph(sb, escapeLine(BriefingText.headline(b, m)));
        String correction = BriefingText.correction(b, m);
        paragraph(sb, "<i>" + TelegramHtml.escape(correction) + "</i>", !correction.isEmpty());
        if (b.lead() != null) {
            paragraph(sb, isolated(b.lead()) + (b.leadCitation() > 0 ? " [" + b.leadCitation() + "]" : ""));
        }
        for (BriefItem item : b.items()) {
            Citation c = item.citation();
            StringBuilder p = new StringBuilder();
            p.append(c.number()).append(". <b>").append(TelegramHtml.link(c.url(), TelegramHtml.isolate(c.title())))
                    .append("</b>");
            String source = BriefingText.sourceLine(c, zone, m);
            if (!source.isEmpty()) {
                p.append(" \u2014 <i>").append(TelegramHtml.escape(TelegramHtml.isolate(source))).append("</i>");
            }
            if (!item.text().isEmpty()) {
                p.append('\n').append(isolated(item.text()));
            }
            if (!item.alsoReported().isEmpty()) {
                p.append('\n').append(BriefingText.alsoReported(item.alsoReported(), m,
                        other -> TelegramHtml.link(other.url(), TelegramHtml.isolate(other.name())),
                        TelegramHtml::escape));
            }
            paragraph(sb, p.toString());
        }
        if (!b.suggestions().isEmpty()) {
            StringBuilder words = new StringBuilder();
            for (int i = 0; i < b.suggestions().size(); i++) {
                words.append(i == 0 ? "" : i == b.suggestions().size() - 1 ? " " + m.get("brief.or") + " " : ", ");
                words.append("<b>").append(TelegramHtml.escape(TelegramHtml.isolate(b.suggestions().get(i))))
                        .append("</b>");
            }
            // the pattern is escaped around the already marked-up words
            String pattern = TelegramHtml.escape(m.get("brief.did-you-mean", WORDS));
            paragraph(sb, pattern.replace(WORDS, words));
        }
        if (b.kind() == Briefing.Kind.NO_RESULTS && b.subscribeTopic() != null) {
            paragraph(sb, TelegramHtml.escape(m.get("brief.subscribe-hint")));
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

    /** {@link #marked} isolated as a whole when it holds right-to-left text. */
    private static String isolated(MarkedText text) {
        String html = marked(text);
        return TelegramHtml.isolate(text.text()).equals(text.text()) ? html : "\u2068" + html + "\u2069";
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
