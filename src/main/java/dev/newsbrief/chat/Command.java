package dev.newsbrief.chat;

/** One slash command. Implementations are small and stateless; state lives in the stores. */
public interface Command {
    /** The name without the slash, e.g. {@code "ask"}. */
    String name();

    /** One line for /help and Telegram's command menu. */
    String description();

    /** Admin commands are hidden from the menu and refused to others. */
    default boolean adminOnly() {
        return false;
    }

    /** Handles the command; {@code args} is the text after the command, trimmed (may be empty). */
    Reply handle(IncomingMessage message, String args);
}
