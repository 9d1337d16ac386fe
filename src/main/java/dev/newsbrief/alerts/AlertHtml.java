package dev.newsbrief.alerts;

import dev.newsbrief.brief.TelegramHtml;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders an {@link AlertMessage} as Telegram HTML: only {@code <b>}, {@code <i>} and
 * {@code <a href>}, every text escaped and links only for http(s) URLs (brief's {@link TelegramHtml}). {@link AlertComposer} keeps
 * what it renders within {@link #MAX_CHARS}.
 */
public final class AlertHtml {
    /** Telegram's limit for one message. */
    public static final int MAX_CHARS = TelegramHtml.MAX_MESSAGE_CHARS;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private AlertHtml() {
    }

    public static String render(AlertMessage m) {
        StringBuilder sb = new StringBuilder();
        ZoneId zone = m.zone();
        if (m.kind() == AlertMessage.Kind.ALERT && m.itemCount() == 1) {
            AlertSection s = m.sections().get(0);
            AlertItem item = s.items().get(0);
            sb.append("🔔 <b>").append(escape(s.topic())).append("</b>\n");
            sb.append("<b>").append(link(item)).append("</b>\n");
            if (!item.brief().isBlank()) {
                sb.append(escape(item.brief())).append('\n');
            }
            sb.append("<i>").append(escape(byline(item, zone))).append("</i>");
            return sb.toString();
        }
        sb.append(switch (m.kind()) {
            case DIGEST -> "🗞 <b>Your daily digest</b>";
            case MORE -> "🗞 <b>More on your topics</b>";
            case ALERT, BUNDLE -> "🔔 <b>New on your topics</b>";
        });
        for (AlertSection s : m.sections()) {
            sb.append("\n\n<b>").append(escape(s.topic())).append("</b>");
            for (AlertItem item : s.items()) {
                sb.append("\n• ").append(link(item)).append(" — <i>").append(escape(byline(item, zone))).append("</i>");
                if (!item.brief().isBlank()) {
                    sb.append("\n").append(escape(item.brief()));
                }
            }
        }
        if (m.moreCount() > 0) {
            sb.append("\n\n+").append(m.moreCount()).append(" more");
        }
        return sb.toString();
    }

    private static String link(AlertItem item) {
        return TelegramHtml.link(item.url(), item.headline());
    }

    private static String byline(AlertItem item, ZoneId zone) {
        String date = item.published() == null ? "" : DATE.format(item.published().atZone(zone));
        String source = item.source() == null ? "" : item.source();
        return source.isEmpty() ? date : date.isEmpty() ? source : source + " · " + date;
    }

    private static String escape(String text) {
        return TelegramHtml.escape(text);
    }
}
