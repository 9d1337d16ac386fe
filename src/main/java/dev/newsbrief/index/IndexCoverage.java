package dev.newsbrief.index;

import dev.newsbrief.store.ArticleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the index is behind the store: it holds fewer articles than the store has originals
 * (being rebuilt, or a writer has stored articles it has not indexed yet). Readers say so
 * ("the index is rebuilding: 12,000 of 19,043 articles") instead of a silent "no results". The
 * two counts are cheap (a point count and an indexed SQL count) and kept for a couple of seconds,
 * so asking on every question costs nothing noticeable.
 */
public final class IndexCoverage {
    private static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final PassageIndex index;
    private final ArticleStore store;
    private final Clock clock;
    private Instant checkedAt;
    private Optional<String> last = Optional.empty();

    public IndexCoverage(PassageIndex index, ArticleStore store, Clock clock) {
        this.index = index;
        this.store = store;
        this.clock = clock;
    }

    /** "the index is rebuilding: N of M articles" when the index holds fewer articles than the store. */
    public synchronized Optional<String> behind() {
        Instant now = clock.instant();
        if (checkedAt == null || !now.isBefore(checkedAt.plus(FRESH_FOR))) {
            long stored = store.countOriginals();
            long indexed = index.articleCount();
            last = indexed < stored
                    ? Optional.of(String.format(Locale.ROOT, "the index is rebuilding: %,d of %,d articles", indexed,
                            stored))
                    : Optional.empty();
            checkedAt = now;
        }
        return last;
    }

    /** The line readers add to their answers while the index is {@link #behind()}. */
    public Optional<String> notice() {
        return behind().map(b -> Character.toUpperCase(b.charAt(0)) + b.substring(1)
                + " are searchable so far; answers may miss articles until it is done.");
    }
}
