package dev.newsbrief.sources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A configured source with its health as recorded in {@code feed_state}; never polled yet when
 * {@code lastSuccessAt} and {@code lastErrorAt} are both null.
 */
public record SourceHealth(String name, String kind, String location, Instant lastSuccessAt, Instant lastErrorAt,
        String lastError, int consecutiveFailures, long itemsSeen, Instant nextPollAt) {

    public boolean failing() {
        return consecutiveFailures > 0;
    }

    /** {@code ok}, {@code failing} or {@code new}. */
    public String status() {
        return failing() ? "failing" : lastSuccessAt == null ? "new" : "ok";
    }

    /** Health of each configured source, in config order; works on a read-only database. */
    public static List<SourceHealth> of(List<Source> sources, FeedStateStore store) {
        Map<String, FeedState> states = store.all().stream()
                .collect(Collectors.toMap(FeedState::source, Function.identity()));
        List<SourceHealth> out = new ArrayList<>();
        for (Source s : sources) {
            FeedState st = states.getOrDefault(s.name(), FeedState.fresh(s.name(), s.location()));
            out.add(new SourceHealth(s.name(), s.kind(), s.location(), st.lastSuccessAt(), st.lastErrorAt(),
                    st.lastError(), st.consecutiveFailures(), st.itemsSeen(), st.nextPollAt()));
        }
        return out;
    }

    /** One line for {@code /stats}: how many sources, how many failing, items seen. */
    public static String summary(List<SourceHealth> health) {
        long failing = health.stream().filter(SourceHealth::failing).count();
        long items = health.stream().mapToLong(SourceHealth::itemsSeen).sum();
        return health.size() + " sources, " + failing + " failing, " + items + " items seen";
    }
}
