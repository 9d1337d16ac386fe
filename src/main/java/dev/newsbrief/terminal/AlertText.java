package dev.newsbrief.terminal;

import dev.newsbrief.lang.Messages;
import dev.newsbrief.alerts.AlertItem;
import dev.newsbrief.alerts.AlertMessage;
import dev.newsbrief.alerts.AlertSection;

/**
 * Renders an {@link AlertMessage} as plain text, for front ends without HTML (the terminal): the
 * same heading, topics, headlines, bylines, briefs and "+N more" as the Telegram rendering, with links
 * written out.
 */
public final class AlertText {

    private AlertText() {
    }

    public static String plain(AlertMessage m) {
        Messages words = Messages.of(m.language());
        StringBuilder sb = new StringBuilder(switch (m.kind()) {
            case ALERT, BUNDLE -> words.get("alert.new");
            case DIGEST -> words.get("alert.digest");
            case MORE -> words.get("alert.more");
        });
        for (AlertSection s : m.sections()) {
            sb.append("\n\n").append(s.topic());
            for (AlertItem item : s.items()) {
                sb.append("\n• ").append(item.headline());
                String date = item.published() == null ? "" : words.date(item.published(), m.zone());
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
            sb.append("\n\n").append(words.get("alert.more-count", m.moreCount()));
        }
        return sb.toString();
    }
}
