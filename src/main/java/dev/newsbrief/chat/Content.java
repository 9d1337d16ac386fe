package dev.newsbrief.chat;

import java.util.List;

/** What a message says, before a front end renders it as Telegram HTML or plain text. */
public sealed interface Content permits Content.Text, Content.Brief {

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
}
