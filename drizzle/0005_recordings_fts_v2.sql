-- Full-text index over recordings, second layout (hand-written: drizzle-kit has no virtual tables).
--
-- External content: the index reads its text through the view below instead of keeping a copy, so console
-- logs and descriptions (the bulk of the text) are stored once, inside recording_payloads.raw. A
-- contentless table would save the same space but cannot produce snippet(). The view also blanks
-- U+0002/U+0003, the snippet markers (src/main/search/markers.ts), so customer text cannot forge a highlight.
--
-- The view reads recording_payloads only, so the triggers live on that table alone and every statement
-- that feeds the index reads the same view: what was indexed can always be deleted again ('delete' needs
-- the exact old values). Columns are separate so bm25() can weigh a title hit over a console-log hit.
-- Tokenizer: case folding plus diacritics removal ("cafe" finds "Café"). prefix='2 3' keeps short prefix
-- queries ("ca*") from walking the whole term list.
CREATE VIEW `recordings_fts_source` AS
SELECT
  `id`,
  replace(replace(CASE json_type(`raw`, '$.title') WHEN 'text' THEN json_extract(`raw`, '$.title') END, char(2), ' '), char(3), ' ') AS `title`,
  replace(replace(CASE json_type(`raw`, '$.summary') WHEN 'text' THEN json_extract(`raw`, '$.summary') END, char(2), ' '), char(3), ' ') AS `summary`,
  replace(replace(CASE json_type(`raw`, '$.description') WHEN 'text' THEN json_extract(`raw`, '$.description') END, char(2), ' '), char(3), ' ') AS `description`,
  replace(replace(`search_people`, char(2), ' '), char(3), ' ') AS `people`,
  replace(replace(`search_meta`, char(2), ' '), char(3), ' ') AS `meta`,
  replace(replace(CASE json_type(`raw`, '$.console_logs') WHEN 'text' THEN json_extract(`raw`, '$.console_logs') END, char(2), ' '), char(3), ' ') AS `logs`
FROM `recording_payloads`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `recordings_fts` USING fts5(
  `title`, `summary`, `description`, `people`, `meta`, `logs`,
  content='recordings_fts_source',
  content_rowid='id',
  tokenize='unicode61 remove_diacritics 2',
  prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_ai` AFTER INSERT ON `recording_payloads` BEGIN
  INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `people`, `meta`, `logs`)
    SELECT `id`, `title`, `summary`, `description`, `people`, `meta`, `logs` FROM `recordings_fts_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- BEFORE, so the view still shows the old values: FTS5 must be told exactly what it indexed.
CREATE TRIGGER `recordings_fts_bd` BEFORE DELETE ON `recording_payloads` BEGIN
  INSERT INTO `recordings_fts`(`recordings_fts`, rowid, `title`, `summary`, `description`, `people`, `meta`, `logs`)
    SELECT 'delete', `id`, `title`, `summary`, `description`, `people`, `meta`, `logs` FROM `recordings_fts_source` WHERE `id` = old.`id`;
END;
--> statement-breakpoint
-- Updates reindex only when indexed text changed: a sync rewrites `raw` whenever anything changes (a view
-- count, say), and reindexing kilobytes of logs for that would make re-syncs slow. json_extract with
-- several paths returns one JSON array holding each value with its type, so equal arrays mean the view
-- derives equal text.
CREATE TRIGGER `recordings_fts_bu` BEFORE UPDATE ON `recording_payloads`
WHEN old.`id` IS NOT new.`id` OR old.`search_people` IS NOT new.`search_people` OR old.`search_meta` IS NOT new.`search_meta`
  OR (old.`raw` IS NOT new.`raw` AND json_extract(old.`raw`, '$.title', '$.summary', '$.description', '$.console_logs')
    IS NOT json_extract(new.`raw`, '$.title', '$.summary', '$.description', '$.console_logs'))
BEGIN
  INSERT INTO `recordings_fts`(`recordings_fts`, rowid, `title`, `summary`, `description`, `people`, `meta`, `logs`)
    SELECT 'delete', `id`, `title`, `summary`, `description`, `people`, `meta`, `logs` FROM `recordings_fts_source` WHERE `id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_au` AFTER UPDATE ON `recording_payloads`
WHEN old.`id` IS NOT new.`id` OR old.`search_people` IS NOT new.`search_people` OR old.`search_meta` IS NOT new.`search_meta`
  OR (old.`raw` IS NOT new.`raw` AND json_extract(old.`raw`, '$.title', '$.summary', '$.description', '$.console_logs')
    IS NOT json_extract(new.`raw`, '$.title', '$.summary', '$.description', '$.console_logs'))
BEGIN
  INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `people`, `meta`, `logs`)
    SELECT `id`, `title`, `summary`, `description`, `people`, `meta`, `logs` FROM `recordings_fts_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- Indexes the rows already cached (none on a fresh database).
INSERT INTO `recordings_fts`(`recordings_fts`) VALUES ('rebuild');
