package dev.newsbrief.alerts;

/**
 * Where alert messages go: a front end such as the Telegram adapter's rate-limited sender, which
 * renders them its own way. It blocks until the messenger answered and must not throw for
 * delivery failures: it reports them as {@link DeliveryOutcome}s.
 */
@FunctionalInterface
public interface AlertSink {
    DeliveryOutcome send(AlertMessage message);

    /**
     * Whether {@code message} fits in one message of this front end. A bundle or digest that does
     * not fit is cut to its longest page that does, with "+N more" for the rest; the answer must
     * turn from yes to no at most once as items are added. By default every message fits.
     */
    default boolean fits(AlertMessage message) {
        return true;
    }
}
