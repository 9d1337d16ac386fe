package dev.newsbrief.chat;

import dev.newsbrief.alerts.AlertHtml;
import dev.newsbrief.alerts.AlertMessage;
import dev.newsbrief.alerts.AlertText;
import java.util.List;

/** What a message says, before a front end renders it as Telegram HTML or plain text. */
public sealed interface Content permits Content.Text, Content.Brief, Content.Alert {

    /**
     * Plain text blocks: an optional bold title and paragraphs. Front ends escape all of it, so
     * user input can go here verbatim.
     */
    record Text(String title, List<String> paragraphs) implements Content {
        public Text {
            paragraphs = List.copyOf(paragraphs);
        }

        public static Text of(String... paragraphs) {
            return new Text(null, List.of(paragraphs));
        }
    }

    /** A news briefing; front ends render it with the briefing formatters. */
    record Brief(BriefingView briefing) implements Content {}

    /** Topic alerts (an alert, bundle, digest or its "+N more" page); front ends render it as given. */
    record Alert(AlertMessage message) implements Content {
        /** Telegram HTML within 4096 characters. */
        public String telegramHtml() {
            return AlertHtml.render(message);
        }

        public String plainText() {
            return AlertText.plain(message);
        }
    }
}
