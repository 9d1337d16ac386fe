-- Languages (issue 16). An article's language is detected at ingest (ISO 639-1, or 'und' when
-- the text is too short or ambiguous to tell); NULL marks rows stored before this migration,
-- which reindex detects and fills in. A chat's replies are written in `language` (set with
-- /language) or, when that is NULL, in `user_language`, the Telegram language_code last seen from
-- its users; English when neither is a language the bot speaks.

ALTER TABLE articles ADD COLUMN language TEXT;
CREATE INDEX articles_language ON articles(language);

ALTER TABLE chats ADD COLUMN language TEXT;
ALTER TABLE chats ADD COLUMN user_language TEXT;
