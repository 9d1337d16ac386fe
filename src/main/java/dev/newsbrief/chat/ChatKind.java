package dev.newsbrief.chat;

/** Where a message came from; groups only get answers when they address the bot. */
public enum ChatKind {
    PRIVATE, GROUP, SUPERGROUP, CHANNEL, TERMINAL;

    /** The value stored in {@code chats.type}. */
    public String storeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isGroup() {
        return this == GROUP || this == SUPERGROUP;
    }
}
