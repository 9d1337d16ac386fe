package dev.newsbrief.alerts;

import dev.newsbrief.config.Config;
import java.time.Duration;

/**
 * Settings of the alerts section of {@code config/newsbrief.yaml}.
 *
 * @param instantWindow         instant mode bundles matches arriving within this window into one message
 * @param maxSubscriptions      topics one chat may follow
 * @param previewArticles       newest articles scanned to preview a new topic
 * @param pollInterval          how often the delivery worker looks for due alerts
 * @param retryBase             delay before the first retry; doubles per attempt
 * @param retryMax              longest delay between retries
 * @param maxAttempts           failed sends before an alert is given up
 * @param deliveryConcurrency   chats sent to at once (one message per chat at a time); also the most
 *                              messages a hard kill can leave accepted but not marked sent
 */
public record AlertsOptions(Duration instantWindow, int maxSubscriptions, int previewArticles, Duration pollInterval,
        Duration retryBase, Duration retryMax, int maxAttempts, int deliveryConcurrency) {

    public static final AlertsOptions DEFAULTS = from(Config.defaults());

    public AlertsOptions {
        if (maxSubscriptions < 1 || maxAttempts < 1 || previewArticles < 0 || deliveryConcurrency < 1) {
            throw new IllegalArgumentException("alerts limits must be positive");
        }
    }

    public static AlertsOptions from(Config c) {
        return new AlertsOptions(c.duration("alerts.instant-window"), c.integer("alerts.max-subscriptions-per-chat"),
                c.integer("alerts.preview-articles"), c.duration("alerts.poll-interval"),
                c.duration("alerts.retry-base"), c.duration("alerts.retry-max"), c.integer("alerts.max-attempts"),
                c.integer("alerts.delivery-concurrency"));
    }

    public AlertsOptions withInstantWindow(Duration window) {
        return new AlertsOptions(window, maxSubscriptions, previewArticles, pollInterval, retryBase, retryMax,
                maxAttempts, deliveryConcurrency);
    }

    public AlertsOptions withDeliveryConcurrency(int chats) {
        return new AlertsOptions(instantWindow, maxSubscriptions, previewArticles, pollInterval, retryBase, retryMax,
                maxAttempts, chats);
    }

    /** Delay before retry number {@code attempts} (1-based): doubling from the base, capped. */
    Duration retryDelay(int attempts) {
        Duration d = retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }
}
