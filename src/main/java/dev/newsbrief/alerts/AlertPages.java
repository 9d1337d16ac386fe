package dev.newsbrief.alerts;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a "+N more" button under an overflowing digest or bundle shows: the next articles of that
 * batch, in the order the first message began, again cut to fit the front end with "+N more" when
 * more are left. The batch is read back from the sent delivery rows, so nothing is kept in memory
 * and the button works after a restart.
 */
public final class AlertPages {
    private final DeliveryStore deliveries;
    private final Predicate<AlertMessage> fits;

    /** @param fits whether a page fits in one message of the front end showing it (see {@link AlertSink#fits}) */
    public AlertPages(DeliveryStore deliveries, Predicate<AlertMessage> fits) {
        this.deliveries = deliveries;
        this.fits = fits;
    }

    /**
     * The page a "+N more" button's argument ({@link AlertButton#argument()}) points to, or empty
     * when the argument is not one, the batch is unknown in this chat, or nothing is left to show
     * (every remaining topic was unsubscribed since).
     */
    public Optional<AlertMessage> next(long chatId, String argument) {
        return MorePage.parse(argument).flatMap(page -> {
            Instant sentAt = deliveries.batchOf(chatId, page);
            DeliveryStore.ChatDue batch = deliveries.batchRows(chatId, sentAt);
            return AlertComposer.page(chatId, AlertMessage.Kind.MORE, AlertComposer.order(batch.rows()), page.skip(),
                    batch.zone(), batch.language(), sentAt, fits);
        });
    }
}
