/**
 * The SQLite store, newsbrief's source of truth: articles, chats, subscriptions, deliveries,
 * feed state and Telegram update offsets. It owns the connection settings (WAL, busy timeout,
 * foreign keys), the numbered schema migrations under {@code db/migration}, and small
 * repositories, one per table family, that speak in records.
 */
package dev.newsbrief.store;
