package dev.newsbrief.alerts;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a "+N more" button continues: the batch (the send time its rows were marked sent with)
 * and the position, in {@link AlertComposer#order} of that batch, of the first article not yet
 * shown. Written as the button's argument {@code "<epoch millis>:<position>"}; a bare
 * {@code "<epoch millis>"} means the whole batch.
 */
record MorePage(Instant batch, int skip) {

    static String argument(Instant batch, int skip) {
        return batch.toEpochMilli() + ":" + skip;
    }

    /** The page an argument names, or empty when it is not one this class wrote. */
    static Optional<MorePage> parse(String argument) {
        if (argument == null) {
            return Optional.empty();
        }
        String s = argument.strip();
        int colon = s.indexOf(':');
        try {
            long millis = Long.parseLong(colon < 0 ? s : s.substring(0, colon));
            int skip = colon < 0 ? 0 : Integer.parseInt(s.substring(colon + 1));
            return skip < 0 ? Optional.empty() : Optional.of(new MorePage(Instant.ofEpochMilli(millis), skip));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
