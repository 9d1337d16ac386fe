/**
 * The terminal front end: a chat on standard input and output that drives the same
 * {@link dev.newsbrief.chat.ChatHandler} as the Telegram bot, with readline editing and history
 * (JLine) when a terminal is attached and plain line reading from a pipe. Replies are rendered as
 * plain text; inline buttons become numbered choices.
 */
package dev.newsbrief.terminal;
