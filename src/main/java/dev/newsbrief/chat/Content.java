package dev.newsbrief.chat;

import dev.newsbrief.alerts.AlertMessage;
import java.util.List;

/**
 * What a message says, as structure: each front end (Telegram HTML, the terminal, ...) renders it
 * its own way and splits it where the structure allows, so a new front end needs code only in its
 * own package.
 */
public sealed interface Content permits Content.Text, Content.Brief, Content.Alert {

    /**
     * Plain text blocks: an optional bold title and paragraphs. Front ends escape all of it, so
     * user input can go here verbatim; a long text may be split between paragraphs.
     */
    record Text(String title, List<String> paragraphs) implements Content {
        public Text {
            paragraphs = List.copyOf(paragraphs);
        }

        public static Text of(String... paragraphs) {
            return new Text(null, List.of(paragraphs));
        }
    }

    /** A news briefing: its lead, items and their citations, and the cursor of its next page. */
    record Brief(BriefingView briefing) implements Content {}

    /**
     * Topic alerts (an alert, bundle, digest or its "+N more" page): topics, items and buttons,
     * already cut to what the front end said fits.
     */
    record Alert(AlertMessage message) implements Content {}
}
