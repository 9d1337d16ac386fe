-- The shared send budget and the change-log followers of PostgreSQL's V007 have no SQLite
-- counterpart: one process owns a SQLite store, sends at the whole rate and indexes its own
-- writes. The script keeps the two dialects' version numbers alike.
SELECT 1;
