package dev.newsbrief.chat;

import java.util.List;

/**
 * The handler's answer to one message or button press.
 *
 * @param messages messages to send, in order
 * @param notice   short text for the button-press acknowledgement (Telegram shows it as a toast), or null
 */
public record Reply(List<OutgoingMessage> messages, String notice) {
    public Reply {
        messages = List.copyOf(messages);
    }

    public static Reply of(OutgoingMessage... messages) {
        return new Reply(List.of(messages), null);
    }

    public static Reply text(String... paragraphs) {
        return of(OutgoingMessage.text(paragraphs));
    }

    public static Reply none() {
        return new Reply(List.of(), null);
    }

    public Reply withNotice(String text) {
        return new Reply(messages, text);
    }
}
