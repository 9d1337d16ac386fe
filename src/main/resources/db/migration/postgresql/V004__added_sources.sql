-- PostgreSQL dialect of db/migration/sqlite/V004__added_sources.sql.
-- Feeds added at run time (`newsbrief ingest subscriptions.opml`), polled beside the configured
-- ones (sources.feeds). A configured source with the same name or URL wins over an added one.
CREATE TABLE added_sources (
    name     TEXT PRIMARY KEY,        -- unique source name, made from the OPML outline's title
    url      TEXT NOT NULL UNIQUE,    -- the feed's URL
    origin   TEXT,                    -- where it was added from (the OPML file)
    added_at BIGINT NOT NULL
);
