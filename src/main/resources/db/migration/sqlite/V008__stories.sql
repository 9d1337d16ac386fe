-- Stories: articles that report the same news (see docs/STORIES.md). Written at ingest in each
-- article's own transaction; the in-memory band index is rebuilt from story_members.band_keys.

CREATE TABLE stories (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,             -- headline of the article that started the story
    first_article TEXT NOT NULL,             -- that article's id
    first_seen    INTEGER NOT NULL,          -- earliest member time (published, else ingested)
    last_seen     INTEGER NOT NULL,          -- latest member time
    articles      INTEGER NOT NULL DEFAULT 0, -- members, duplicates included
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX stories_last_seen ON stories(last_seen);

-- One row per stored article: its story (the story id of each article) and how it joined. Rows
-- are appended in ingest order (seq), the article id is a unique index.
CREATE TABLE story_members (
    seq         INTEGER PRIMARY KEY,         -- ingest order
    article_id  TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    seen_at     INTEGER NOT NULL,            -- published, else ingested: the time window compares these
    day         INTEGER NOT NULL,            -- seen_at in whole days since 1970-01-01 (band index partitions)
    band_keys   BLOB,                        -- LSH band keys of an indexed original (MinHash); null otherwise
    how         TEXT NOT NULL,               -- first | exact | copy | story | short (too short to compare)
    matched     TEXT,                        -- the article it was matched with, if any
    containment REAL,                        -- verified containment with that article
    new_share   REAL,                        -- share of its words in paragraphs new to the story
    is_update   INTEGER NOT NULL DEFAULT 0,  -- 1 when it was a substantial update of the story
    joined_at   INTEGER NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id);
CREATE INDEX story_members_day ON story_members(day);

-- SimHash near-duplicate signatures gave way to stories (one notion of "the same story").
ALTER TABLE articles DROP COLUMN simhash;
