package dev.newsbrief.alerts;

/** What happened to the delivery of one alert message handed to an {@link AlertSink}. */
public sealed interface DeliveryOutcome {
    /** The messenger accepted the message; only now is it marked sent. */
    record Accepted() implements DeliveryOutcome {}

    /** It failed in a way worth retrying later (timeout, 5xx, rate limit beyond patience). */
    record Failed(String reason) implements DeliveryOutcome {}

    /**
     * The messenger refused it for good (a 4xx such as 400 bad request): sending it again cannot
     * succeed, so the delivery fails at once with the reason. The sink has already logged it.
     */
    record Rejected(String reason) implements DeliveryOutcome {}

    /** The chat blocked the bot or no longer exists (403): the chat goes inactive. */
    record Blocked(String reason) implements DeliveryOutcome {}
}
