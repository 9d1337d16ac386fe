package dev.newsbrief.ops;

import dev.newsbrief.index.PassageIndex;

/**
 * The passage index is healthy when a searcher can be acquired and reports its passage count, and
 * its writer (in the bot) has not been stopped by a failure such as a full disk: then nothing new
 * can be indexed until a restart, so it is unhealthy with the cause.
 */
public final class IndexHealthCheck implements HealthCheck {
    private final PassageIndex index;

    public IndexHealthCheck(PassageIndex index) {
        this.index = index;
    }

    @Override
    public Result check() {
        String stopped = index.writerFailure();
        if (stopped != null) {
            return Result.unhealthy(stopped + "; free the space and restart to repair the index");
        }
        return Result.healthy(index.passageCount() + " passages searchable");
    }
}
