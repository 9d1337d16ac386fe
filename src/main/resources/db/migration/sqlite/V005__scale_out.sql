-- Webhook mode (telegram.mode: webhook): each update Telegram pushes is stored once (a retry of the
-- same update_id changes nothing) and answered at once; workers handle each chat's updates in
-- update_id order. PostgreSQL's V005 adds the tables several instances need besides this one.
CREATE TABLE webhook_inbox (
    update_id   INTEGER PRIMARY KEY,
    chat_key    INTEGER NOT NULL,           -- the chat, or the user for updates without one (inline queries)
    body        TEXT NOT NULL,              -- the update as Telegram sent it (JSON)
    received_at INTEGER NOT NULL,
    handled_at  INTEGER
);
CREATE INDEX webhook_inbox_waiting ON webhook_inbox(chat_key, update_id) WHERE handled_at IS NULL;
