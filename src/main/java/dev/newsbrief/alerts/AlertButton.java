package dev.newsbrief.alerts;

/**
 * An inline button under an alert; the front end maps it to callback data it stores server-side.
 *
 * @param label    the text shown, e.g. "Unsubscribe from ‘Ukraine’"
 * @param action   what pressing it does
 * @param argument the topic key for {@link Action#UNSUBSCRIBE}; for {@link Action#MORE} the batch
 *                 (its send time in epoch millis), whose articles {@link DeliveryStore#batch} lists
 */
public record AlertButton(String label, Action action, String argument) {
    /** What a button does. */
    public enum Action {
        UNSUBSCRIBE,
        MORE
    }
}
