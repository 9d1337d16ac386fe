/**
 * The chat port and the one conversation handler every front end drives. Adapters (Telegram,
 * terminal) turn their input into {@link dev.newsbrief.chat.IncomingMessage} and
 * {@link dev.newsbrief.chat.ButtonPress}, call {@link dev.newsbrief.chat.ChatHandler}, and render the
 * structured {@link dev.newsbrief.chat.Reply} it returns in their own format. Each command is a
 * small class; buttons carry only a short token into server-side state.
 */
package dev.newsbrief.chat;
