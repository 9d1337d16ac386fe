package dev.newsbrief.telegram;

import dev.newsbrief.lang.Messages;
import dev.newsbrief.alerts.AlertItem;
import dev.newsbrief.alerts.AlertMessage;
import dev.newsbrief.alerts.AlertSection;
import java.time.ZoneId;

/**
 * Renders an {@link AlertMessage} as Telegram HTML: only {@code <b>}, {@code <i>} and
 * {@code <a href>}, every text escaped and links only for http(s) URLs ({@link TelegramHtml}).
 * Alerts cut their messages where {@link #fits} says, so what it renders stays within {@link #MAX_CHARS}.
 */
public final class AlertHtml {
    /** Telegram's limit for one message. */
    public static final int MAX_CHARS = TelegramHtml.MAX_MESSAGE_CHARS;

    private AlertHtml() {
    }

    /**
     * Whether {@code m} fits in one Telegram message. Alerts grow with every item they show, which
     * lets the alerts package find the longest page that fits by bisection.
     */
    public static boolean fits(AlertMessage m) {
        return render(m).length() <= MAX_CHARS;
    }

    public static String render(AlertMessage m) {
        StringBuilder sb = new StringBuilder();
        ZoneId zone = m.zone();
        Messages words = Messages.of(m.language());
        if (m.kind() == AlertMessage.Kind.ALERT && m.itemCount() == 1) {
            AlertSection s = m.sections().get(0);
            AlertItem item = s.items().get(0);
            sb.append("🔔 <b>").append(escape(s.topic())).append("</b>\n");
            sb.append("<b>").append(link(item)).append("</b>\n");
            if (!item.brief().isBlank()) {
                sb.append(escape(item.brief())).append('\n');
            }
            sb.append("<i>").append(escape(byline(item, zone, words))).append("</i>");
            return sb.toString();
        }
        sb.append(switch (m.kind()) {
            case DIGEST -> "🗞 <b>" + escape(words.get("alert.digest")) + "</b>";
            case MORE -> "🗞 <b>" + escape(words.get("alert.more")) + "</b>";
            case ALERT, BUNDLE -> "🔔 <b>" + escape(words.get("alert.new")) + "</b>";
        });
        for (AlertSection s : m.sections()) {
            sb.append("\n\n<b>").append(escape(s.topic())).append("</b>");
            for (AlertItem item : s.items()) {
                sb.append("\n• ").append(link(item)).append(" — <i>").append(escape(byline(item, zone, words))).append("</i>");
                if (!item.brief().isBlank()) {
                    sb.append("\n").append(escape(item.brief()));
                }
            }
        }
        if (m.moreCount() > 0) {
            sb.append("\n\n").append(escape(words.get("alert.more-count", m.moreCount())));
        }
        return sb.toString();
    }

    private static String link(AlertItem item) {
        return TelegramHtml.link(item.url(), TelegramHtml.isolate(item.headline()));
    }

    private static String byline(AlertItem item, ZoneId zone, Messages words) {
        String date = item.published() == null ? "" : words.date(item.published(), zone);
        String source = item.source() == null ? "" : item.source();
        return source.isEmpty() ? date : date.isEmpty() ? source : source + " · " + date;
    }

    /** Escaped, and isolated when it holds right-to-left text (see {@link TelegramHtml#isolate}). */
    private static String escape(String text) {
        return TelegramHtml.escape(TelegramHtml.isolate(text));
    }
}
