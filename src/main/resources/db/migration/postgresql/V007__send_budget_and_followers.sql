-- Several instances on one PostgreSQL (docs/SCALING.md), second part.

-- Telegram's bot-wide send rate as a shared budget of units (telegram.rate.global-per-second in
-- all): each instance holds some (each unit carries at most one message counted in Telegram's
-- one-second window), asks for more while it has messages waiting, and gives back units it does
-- not use when another instance wants them. A holder renews its lease; the units of one that
-- stopped renewing stay taken until lease_until (the database clock, ms), which already includes
-- a second for its last messages to leave the window.
CREATE TABLE send_budget (
    holder      TEXT PRIMARY KEY,
    units       INTEGER NOT NULL,
    wanted      INTEGER NOT NULL,
    lease_until BIGINT NOT NULL
);

-- Where each instance's index stands in article_changes (an xid8 horizon; the id is kept in the
-- index's commit user data), so that the rows every follower has passed can be pruned. A follower
-- not seen for the retention no longer holds pruning back; pruned_below tells it, when it comes
-- back, that rows it has not applied are gone, and it rebuilds its index.
CREATE TABLE change_followers (
    id       TEXT PRIMARY KEY,
    position BIGINT NOT NULL,
    seen_at  BIGINT NOT NULL
);
CREATE TABLE change_log_pruned (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    pruned_below BIGINT NOT NULL
);
INSERT INTO change_log_pruned (id, pruned_below) VALUES (1, 0);
