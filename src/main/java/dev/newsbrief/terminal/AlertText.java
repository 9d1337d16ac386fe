package dev.newsbrief.terminal;

import dev.newsbrief.alerts.AlertItem;
import dev.newsbrief.alerts.AlertMessage;
import dev.newsbrief.alerts.AlertSection;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders an {@link AlertMessage} as plain text, for front ends without HTML (the terminal): the
 * same heading, topics, headlines, bylines, briefs and "+N more" as the Telegram rendering, with links
 * written out.
 */
public final class AlertText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private AlertText() {
    }

    public static String plain(AlertMessage m) {
        StringBuilder sb = new StringBuilder(switch (m.kind()) {
            case ALERT, BUNDLE -> "New on your topics";
            case DIGEST -> "Your daily digest";
            case MORE -> "More on your topics";
        });
        for (AlertSection s : m.sections()) {
            sb.append("\n\n").append(s.topic());
            for (AlertItem item : s.items()) {
                sb.append("\n• ").append(item.headline());
                String date = item.published() == null ? "" : DATE.format(item.published().atZone(m.zone()));
                String byline = item.source() == null ? date : date.isEmpty() ? item.source() : item.source() + " · " + date;
                if (!byline.isEmpty()) {
                    sb.append(" — ").append(byline);
                }
                if (!item.brief().isBlank()) {
                    sb.append("\n  ").append(item.brief());
                }
                if (item.url() != null) {
                    sb.append("\n  ").append(item.url());
                }
            }
        }
        if (m.moreCount() > 0) {
            sb.append("\n\n+").append(m.moreCount()).append(" more");
        }
        return sb.toString();
    }
}
