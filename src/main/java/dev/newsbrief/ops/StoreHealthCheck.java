package dev.newsbrief.ops;

/** The SQLite store is healthy when a read connection answers a query on the schema table. */
public final class StoreHealthCheck implements HealthCheck {
    private final OpsQueries queries;

    public StoreHealthCheck(OpsQueries queries) {
        this.queries = queries;
    }

    @Override
    public Result check() {
        long version = queries.schemaVersion();
        return version > 0 ? Result.healthy("schema version " + version)
                : Result.unhealthy("database has no schema (migrations not applied)");
    }
}
