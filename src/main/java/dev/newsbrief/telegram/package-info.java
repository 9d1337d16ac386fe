/**
 * The Telegram front end, and the only package that imports {@code org.telegram}: long polling
 * with stored offsets and an ordered-per-chat update consumer, translation of updates into the
 * chat port, Telegram HTML rendering and splitting, and the one rate-limited outbound sender that
 * every message (replies and alerts) goes through. The bot token is read here and never logged.
 */
package dev.newsbrief.telegram;
