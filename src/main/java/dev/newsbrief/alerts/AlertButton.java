package dev.newsbrief.alerts;

/**
 * An inline button under an alert; the front end maps it to callback data it stores server-side.
 *
 * @param label    the text shown, e.g. "Unsubscribe from ‘Ukraine’"
 * @param action   what pressing it does
 * @param argument the topic key for {@link Action#UNSUBSCRIBE}; for {@link Action#MORE} the batch,
 *                 as {@code sentAtMillis:skip}, readable with {@link DeliveryStore#batch}
 */
public record AlertButton(String label, Action action, String argument) {
    /** What a button does. */
    public enum Action {
        UNSUBSCRIBE,
        MORE
    }
}
