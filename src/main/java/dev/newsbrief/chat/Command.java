package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;

/** One slash command. Implementations are small and stateless; state lives in the stores. */
public interface Command {
    /** The name without the slash, e.g. {@code "ask"}. */
    String name();

    /** One line for Telegram's command menu, in English: the bundle's {@code command.<name>}. */
    default String description() {
        return description(Messages.english());
    }

    /** One line for /help in the reader's language. */
    default String description(Messages messages) {
        return messages.get("command." + name());
    }

    /** Admin commands are hidden from the menu and refused to others. */
    default boolean adminOnly() {
        return false;
    }

    /** Handles the command; {@code args} is the text after the command, trimmed (may be empty). */
    Reply handle(IncomingMessage message, String args);
}
