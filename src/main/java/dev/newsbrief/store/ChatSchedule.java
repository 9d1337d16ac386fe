package dev.newsbrief.store;

/**
 * How a chat wants its alerts, as stored in {@code chats} (the alerts package parses it).
 *
 * @param mode instant | daily | off
 * @param time HH:MM local time of the daily digest, or null
 * @param zone the chat's time zone id
 */
public record ChatSchedule(String mode, String time, String zone) {}
