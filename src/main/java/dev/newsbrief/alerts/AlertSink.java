package dev.newsbrief.alerts;

/**
 * Where alert messages go: the Telegram adapter's rate-limited sender (rendering with
 * {@link AlertHtml}), or the terminal. It blocks until the messenger answered and must not throw
 * for delivery failures: it reports them as {@link SendOutcome}s.
 */
@FunctionalInterface
public interface AlertSink {
    SendOutcome send(AlertMessage message);
}
