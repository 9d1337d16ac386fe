package dev.newsbrief.store;

/**
 * One chat the bot talks to, as stored in {@code chats}.
 *
 * @param chatId Telegram chat id (or a fixed id for the terminal)
 * @param type   private | group | supergroup | channel | terminal
 * @param title  group title, or null
 * @param active false once the bot was blocked, kicked or told to /stop
 */
public record ChatRow(long chatId, String type, String title, boolean active) {}
