package dev.newsbrief.index;

import dev.newsbrief.lang.Messages;
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

    /** How far the index is: {@code indexed} of the store's {@code stored} articles. */
    public record Behind(long indexed, long stored) {
    }

    private final PassageIndex index;
    private final ArticleStore store;
    private final Clock clock;
    private Instant checkedAt;
    private Optional<Behind> last = Optional.empty();

    public IndexCoverage(PassageIndex index, ArticleStore store, Clock clock) {
        this.index = index;
        this.store = store;
        this.clock = clock;
    }

    /** The counts when the index holds fewer articles than the store; empty when it is complete. */
    public synchronized Optional<Behind> counts() {
        Instant now = clock.instant();
        if (checkedAt == null || !now.isBefore(checkedAt.plus(FRESH_FOR))) {
            long stored = store.countOriginals();
            long indexed = index.articleCount();
            last = indexed < stored ? Optional.of(new Behind(indexed, stored)) : Optional.empty();
            checkedAt = now;
        }
        return last;
    }

    /** "the index is rebuilding: N of M articles" when the index holds fewer articles than the store. */
    public Optional<String> behind() {
        return counts().map(b -> String.format(Locale.ROOT, "the index is rebuilding: %,d of %,d articles",
                b.indexed(), b.stored()));
    }

    /** The line readers add to their answers while the index is {@link #behind()}, in English. */
    public Optional<String> notice() {
        return notice("en");
    }

    /**
     * {@link #notice()} in {@code language} (message {@code index.rebuilding}; English when the bot
     * does not speak it): "Der Index wird neu aufgebaut: 12.000 von 19.043 Artikeln ...".
     */
    public Optional<String> notice(String language) {
        return counts().map(b -> Messages.of(language).get("index.rebuilding", b.indexed(), b.stored()));
    }
}
