-- Several instances on one PostgreSQL (docs/SCALING.md). SQLite's V005 has only the webhook inbox: one process
-- owns a SQLite store, indexes its own writes and matches against its own topics.

-- Every write of an article, in the article's transaction: each instance applies these to its own
-- Lucene index. xid is the writing transaction's id; an instance that has applied every change
-- with xid below a snapshot's xmin (all of them finished) can never be missing one.
CREATE TABLE article_changes (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    article_id TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);
CREATE INDEX article_changes_xid ON article_changes(xid);

-- Version counters bumped in the transaction of every change they count ('subscriptions'): an
-- ingest transaction compares it with the version its topic matcher has loaded.
CREATE TABLE store_versions (
    name    TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO store_versions (name, version) VALUES ('subscriptions', 1);

-- Live instances, each refreshing its row; Telegram's bot-wide send rate is split between them.
CREATE TABLE instances (
    id         TEXT PRIMARY KEY,
    started_at BIGINT NOT NULL,
    seen_at    BIGINT NOT NULL
);

-- Webhook mode: every instance stores each update Telegram pushes (a retry or a second delivery
-- of the same update_id changes nothing) and answers at once; workers on any instance then handle
-- each chat's updates in update_id order, one claimant per chat at a time.
CREATE TABLE webhook_inbox (
    update_id   BIGINT PRIMARY KEY,
    chat_key    BIGINT NOT NULL,            -- the chat, or the user for updates without one (inline queries)
    body        TEXT NOT NULL,              -- the update as Telegram sent it (JSON)
    received_at BIGINT NOT NULL,
    handled_at  BIGINT
);
CREATE INDEX webhook_inbox_waiting ON webhook_inbox(chat_key, update_id) WHERE handled_at IS NULL;
