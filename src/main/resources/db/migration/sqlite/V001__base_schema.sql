-- Base schema, SQLite dialect (db/migration/postgresql holds the same for PostgreSQL). SQLite is the
-- embedded default source of truth; the Lucene index is derived from `articles`.
-- Times are epoch milliseconds (UTC).

CREATE TABLE articles (
    id           TEXT PRIMARY KEY,          -- stable: given id, else canonical URL, else content hash
    url          TEXT,
    title        TEXT NOT NULL,
    source       TEXT,
    published_at INTEGER,
    ingested_at  INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    body         TEXT NOT NULL,             -- cleaned; paragraphs separated by a blank line
    content_hash TEXT NOT NULL,             -- hash of the normalised text, for exact duplicates
    simhash      INTEGER NOT NULL,          -- 64-bit near-duplicate signature
    duplicate_of TEXT REFERENCES articles(id) ON DELETE SET NULL,
    tags         TEXT                       -- JSON object of extra fields
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published_at);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

CREATE TABLE chats (
    chat_id     INTEGER PRIMARY KEY,
    type        TEXT NOT NULL,              -- private | group | supergroup | channel | terminal
    title       TEXT,
    active      INTEGER NOT NULL DEFAULT 1,
    digest_mode TEXT NOT NULL DEFAULT 'instant',   -- instant | daily | off
    digest_time TEXT,                       -- HH:MM local time when digest_mode = daily
    time_zone   TEXT NOT NULL DEFAULT 'UTC',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE subscriptions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id    INTEGER NOT NULL REFERENCES chats(chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
    topic      TEXT NOT NULL,               -- normalised topic key
    display    TEXT NOT NULL,               -- the topic as the user typed it
    created_at INTEGER NOT NULL,
    UNIQUE (chat_id, topic)
);
CREATE INDEX subscriptions_topic ON subscriptions(topic);

CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id         INTEGER NOT NULL REFERENCES chats(chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    topic           TEXT NOT NULL,
    passage         TEXT,                   -- the matching passage, for the alert's brief
    status          TEXT NOT NULL DEFAULT 'pending',   -- pending | sent | failed | dropped
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    sent_at         INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    UNIQUE (chat_id, article_id)
);
CREATE INDEX deliveries_due ON deliveries(status, next_attempt_at);

CREATE TABLE feed_state (
    source               TEXT PRIMARY KEY,  -- the source's configured name
    url                  TEXT,
    etag                 TEXT,
    last_modified        TEXT,
    last_success_at      INTEGER,
    last_error_at        INTEGER,
    last_error           TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    items_seen           INTEGER NOT NULL DEFAULT 0,
    next_poll_at         INTEGER
);

CREATE TABLE feed_items (
    source        TEXT NOT NULL,
    item_key      TEXT NOT NULL,            -- guid/id, else link, else hash of title and date
    article_id    TEXT,
    first_seen_at INTEGER NOT NULL,
    PRIMARY KEY (source, item_key)
);

CREATE TABLE update_offsets (
    bot            TEXT PRIMARY KEY,        -- bot user id (never the token)
    last_update_id INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

CREATE TABLE callback_state (
    token      TEXT PRIMARY KEY,            -- short id carried in callback_data (<= 64 bytes)
    chat_id    INTEGER NOT NULL,
    kind       TEXT NOT NULL,               -- more | subscribe | unsubscribe | ...
    payload    TEXT NOT NULL,               -- JSON
    created_at INTEGER NOT NULL
);
CREATE INDEX callback_state_created ON callback_state(created_at);
