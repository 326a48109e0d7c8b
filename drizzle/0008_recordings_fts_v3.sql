-- Full-text index over recordings, third layout (hand-written: drizzle-kit has no virtual tables).
--
-- External content: the index keeps no copy of its text and reads it through the view below, so console
-- logs and descriptions (the bulk of it) are stored once, in recording_payloads.raw, the server JSON. A
-- contentless table would save the same space but cannot produce snippet(). The view indexes only string
-- values of the named fields, and blanks U+0002/U+0003, the snippet markers (src/main/search/markers.ts),
-- so customer text cannot forge a highlight.
--
-- Columns are separate so bm25() can weigh a title hit over a console-log hit, and so `customer:` and
-- `user:` are column filters. Tokenizer: case folding plus diacritics removal ("cafe" finds "Café").
-- prefix='3': three-letter prefixes ("che*", typed on the way to "checkout") are the expensive ones to
-- expand at query time; longer prefixes expand to few terms, and one-letter or two-letter words are
-- matched whole (src/main/search/fts.ts). Each prefix length costs about a third more indexing time.
--
-- Triggers live on recording_payloads only and every statement feeding the index reads the same view, so
-- what was indexed can always be deleted again ('delete' needs the exact old values). Changing the view
-- means a new migration that drops and re-creates these objects and ends with 'rebuild'.
CREATE VIEW `recordings_fts_source` AS
SELECT
  `id`,
  replace(replace(iif(json_type(`raw`, '$.title') = 'text', `raw` ->> '$.title', NULL), char(2), ' '), char(3), ' ') AS `title`,
  replace(replace(iif(json_type(`raw`, '$.summary') = 'text', `raw` ->> '$.summary', NULL), char(2), ' '), char(3), ' ') AS `summary`,
  replace(replace(iif(json_type(`raw`, '$.description') = 'text', `raw` ->> '$.description', NULL), char(2), ' '), char(3), ' ') AS `description`,
  replace(replace(iif(json_type(`raw`, '$.customer.email') = 'text', `raw` ->> '$.customer.email', NULL), char(2), ' '), char(3), ' ') AS `customer`,
  replace(replace(concat_ws(' ', iif(json_type(`raw`, '$.user.name') = 'text', `raw` ->> '$.user.name', NULL), iif(json_type(`raw`, '$.user.email') = 'text', `raw` ->> '$.user.email', NULL)), char(2), ' '), char(3), ' ') AS `agent`,
  replace(replace(`search_meta`, char(2), ' '), char(3), ' ') AS `details`,
  replace(replace(iif(json_type(`raw`, '$.console_logs') = 'text', `raw` ->> '$.console_logs', NULL), char(2), ' '), char(3), ' ') AS `logs`
FROM `recording_payloads`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `recordings_fts` USING fts5(
  `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`,
  content='recordings_fts_source',
  content_rowid='id',
  tokenize='unicode61 remove_diacritics 2',
  prefix='3'
);
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_ai` AFTER INSERT ON `recording_payloads` BEGIN
  INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`)
    SELECT `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs` FROM `recordings_fts_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- BEFORE, so the view still shows the old values: FTS5 must be told exactly what it indexed.
CREATE TRIGGER `recordings_fts_bd` BEFORE DELETE ON `recording_payloads` BEGIN
  INSERT INTO `recordings_fts`(`recordings_fts`, rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`)
    SELECT 'delete', `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs` FROM `recordings_fts_source` WHERE `id` = old.`id`;
END;
--> statement-breakpoint
-- Updates reindex only when an indexed field changed: a sync rewrites `raw` whenever anything changes (a
-- view count, say), and reindexing kilobytes of logs for that would make re-syncs slow. json_extract with
-- several paths returns one JSON array holding every value with its type: equal arrays, equal text.
CREATE TRIGGER `recordings_fts_bu` BEFORE UPDATE ON `recording_payloads`
WHEN old.`id` IS NOT new.`id` OR old.`search_meta` IS NOT new.`search_meta`
  OR (old.`raw` IS NOT new.`raw` AND json_extract(old.`raw`, '$.title', '$.summary', '$.description', '$.customer.email', '$.user.name', '$.user.email', '$.console_logs')
    IS NOT json_extract(new.`raw`, '$.title', '$.summary', '$.description', '$.customer.email', '$.user.name', '$.user.email', '$.console_logs'))
BEGIN
  INSERT INTO `recordings_fts`(`recordings_fts`, rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`)
    SELECT 'delete', `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs` FROM `recordings_fts_source` WHERE `id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_au` AFTER UPDATE ON `recording_payloads`
WHEN old.`id` IS NOT new.`id` OR old.`search_meta` IS NOT new.`search_meta`
  OR (old.`raw` IS NOT new.`raw` AND json_extract(old.`raw`, '$.title', '$.summary', '$.description', '$.customer.email', '$.user.name', '$.user.email', '$.console_logs')
    IS NOT json_extract(new.`raw`, '$.title', '$.summary', '$.description', '$.customer.email', '$.user.name', '$.user.email', '$.console_logs'))
BEGIN
  INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`)
    SELECT `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs` FROM `recordings_fts_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- Indexes the recordings already cached (none on a fresh database).
INSERT INTO `recordings_fts`(`recordings_fts`) VALUES ('rebuild');
