package dev.newsbrief.ops;

import dev.newsbrief.index.PassageIndex;

/** The passage index is healthy when a searcher can be acquired and reports its passage count. */
public final class IndexHealthCheck implements HealthCheck {
    private final PassageIndex index;

    public IndexHealthCheck(PassageIndex index) {
        this.index = index;
    }

    @Override
    public Result check() {
        return Result.healthy(index.passageCount() + " passages searchable");
    }
}
