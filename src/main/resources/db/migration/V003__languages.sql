-- Languages (issue 16). An article's language is detected at ingest (ISO 639-1, or 'und' when
-- the text is too short or ambiguous to tell); NULL marks rows stored before this migration,
-- which reindex detects and fills in. A chat's language is the one its replies are written in:
-- NULL follows the user's Telegram language, a code is what /language set.

ALTER TABLE articles ADD COLUMN language TEXT;
CREATE INDEX articles_language ON articles(language);

ALTER TABLE chats ADD COLUMN language TEXT;
