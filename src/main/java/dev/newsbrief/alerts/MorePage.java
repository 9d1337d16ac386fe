package dev.newsbrief.alerts;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a "+N more" button continues: the batch (the send time its rows were marked sent with),
 * the position, in {@link AlertComposer#order} of that batch, of the first article not yet shown,
 * and one delivery row the message showed (its anchor). Written as the button's argument
 * {@code "<epoch millis>:<position>:<anchor row id>"}; buttons sent before anchors existed read
 * {@code "<epoch millis>:<position>"}, and a bare {@code "<epoch millis>"} means the whole batch.
 *
 * <p>The anchor keeps a button working when its message was sent again: a message that reached
 * the chat but whose rows were not marked sent (the process was killed in between, or the answer
 * was lost) goes out again later, and its rows are marked with that later time. The first copy's
 * batch time then names no rows, and the page is found through the anchor's batch instead.
 */
record MorePage(Instant batch, int skip, long anchor) {

    static String argument(Instant batch, int skip, long anchor) {
        return batch.toEpochMilli() + ":" + skip + ":" + anchor;
    }

    /** The page an argument names, or empty when it is not one this class wrote. */
    static Optional<MorePage> parse(String argument) {
        if (argument == null) {
            return Optional.empty();
        }
        String[] parts = argument.strip().split(":", -1);
        if (parts.length > 3) {
            return Optional.empty();
        }
        try {
            long millis = Long.parseLong(parts[0]);
            int skip = parts.length < 2 ? 0 : Integer.parseInt(parts[1]);
            long anchor = parts.length < 3 ? 0 : Long.parseLong(parts[2]);
            return skip < 0 || anchor < 0 ? Optional.empty()
                    : Optional.of(new MorePage(Instant.ofEpochMilli(millis), skip, anchor));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
