/**
 * Topic subscriptions and alerts: topic normalisation and the {@link dev.newsbrief.alerts.SubscriptionService}
 * behind /subscribe, /unsubscribe, /subscriptions and /digest; the {@link dev.newsbrief.alerts.TopicMatcher}
 * that matches each new article against every distinct topic through a term presearcher
 * ({@link dev.newsbrief.alerts.TopicIndex}) and {@code MemoryIndex} verification; the
 * {@link dev.newsbrief.alerts.AlertQueue} that writes delivery rows in the article's own transaction;
 * and the {@link dev.newsbrief.alerts.DeliveryWorker} that sends due alerts (instant bundles or daily
 * digests) through an {@link dev.newsbrief.alerts.AlertSink}, so this package never touches Telegram.
 */
package dev.newsbrief.alerts;
