package dev.newsbrief.store;

/**
 * How a chat wants its alerts, as stored in {@code chats} (the alerts package parses it).
 *
 * @param mode instant | daily | off
 * @param time HH:MM local time of the daily digest, or null
 * @param zone the chat's time zone id
 * @param language the language its messages are written in (set by /language, else the user's
 *                 Telegram language), or null; not written by {@link ChatStore#setSchedule}
 */
public record ChatSchedule(String mode, String time, String zone, String language) {
    public ChatSchedule(String mode, String time, String zone) {
        this(mode, time, zone, null);
    }
}
