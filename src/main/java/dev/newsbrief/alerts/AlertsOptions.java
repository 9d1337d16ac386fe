package dev.newsbrief.alerts;

import dev.newsbrief.core.OptionException;
import java.time.Duration;

/**
 * Settings of the alerts (section {@code alerts:} of the config).
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

    public static final AlertsOptions DEFAULTS = new AlertsOptions(Duration.ofSeconds(30), 25, 500, Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofHours(1), 8, 1);

    public AlertsOptions {
        atLeast("maxSubscriptions", maxSubscriptions, 1);
        atLeast("maxAttempts", maxAttempts, 1);
        atLeast("previewArticles", previewArticles, 0);
        atLeast("deliveryConcurrency", deliveryConcurrency, 1);
    }

    public AlertsOptions withInstantWindow(Duration window) {
        return new AlertsOptions(window, maxSubscriptions, previewArticles, pollInterval, retryBase, retryMax,
                maxAttempts, deliveryConcurrency);
    }

    public AlertsOptions withDeliveryConcurrency(int chats) {
        return new AlertsOptions(instantWindow, maxSubscriptions, previewArticles, pollInterval, retryBase, retryMax,
                maxAttempts, chats);
    }

    private static void atLeast(String option, int value, int min) {
        if (value < min) {
            throw new OptionException(option, "must be at least " + min + " (got " + value + ")");
        }
    }

    /** Delay before retry number {@code attempts} (1-based): doubling from the base, capped. */
    Duration retryDelay(int attempts) {
        Duration d = retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }
}
