-- Full-text index over recordings (hand-written: drizzle-kit has no virtual tables).
--
-- External content: the index reads its text through the view below instead of keeping a copy, so console
-- logs and descriptions (the bulk of the text) are stored once, inside recordings.raw. A contentless table
-- would save the same space but cannot produce snippet(). The view also blanks U+0002/U+0003, the snippet
-- markers (src/main/search/markers.ts), so customer text can never forge a highlight.
--
-- Columns are separate so bm25() can weigh a title hit over a console-log hit. Every statement that feeds
-- the index reads the same view, so what was indexed can always be deleted again ('delete' needs the exact
-- old values). Tokenizer: case folding plus diacritics removal ("cafe" finds "Café"). prefix='2 3' keeps
-- short prefix queries ("ca*") from walking the whole term list.
CREATE VIEW `recordings_fts_source` AS
SELECT
  `id`,
  replace(replace(`title`, char(2), ' '), char(3), ' ') AS `title`,
  replace(replace(`summary`, char(2), ' '), char(3), ' ') AS `summary`,
  replace(replace(CASE json_type(`raw`, '$.description') WHEN 'text' THEN json_extract(`raw`, '$.description') END, char(2), ' '), char(3), ' ') AS `description`,
  replace(replace(`search_people`, char(2), ' '), char(3), ' ') AS `people`,
  replace(replace(`search_meta`, char(2), ' '), char(3), ' ') AS `meta`,
  replace(replace(CASE json_type(`raw`, '$.console_logs') WHEN 'text' THEN json_extract(`raw`, '$.console_logs') END, char(2), ' '), char(3), ' ') AS `logs`
FROM `recordings`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `recordings_fts` USING fts5(
  `title`, `summary`, `description`, `people`, `meta`, `logs`,
  content='recordings_fts_source',
  content_rowid='id',
  tokenize='unicode61 remove_diacritics 2',
  prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_ai` AFTER INSERT ON `recordings` BEGIN
  INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `people`, `meta`, `logs`)
    SELECT `id`, `title`, `summary`, `description`, `people`, `meta`, `logs` FROM `recordings_fts_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- BEFORE, so the view still shows the old values: FTS5 must be told exactly what it indexed.
CREATE TRIGGER `recordings_fts_bd` BEFORE DELETE ON `recordings` BEGIN
  INSERT INTO `recordings_fts`(`recordings_fts`, rowid, `title`, `summary`, `description`, `people`, `meta`, `logs`)
    SELECT 'delete', `id`, `title`, `summary`, `description`, `people`, `meta`, `logs` FROM `recordings_fts_source` WHERE `id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_bu` BEFORE UPDATE OF `title`, `summary`, `raw`, `search_people`, `search_meta` ON `recordings` BEGIN
  INSERT INTO `recordings_fts`(`recordings_fts`, rowid, `title`, `summary`, `description`, `people`, `meta`, `logs`)
    SELECT 'delete', `id`, `title`, `summary`, `description`, `people`, `meta`, `logs` FROM `recordings_fts_source` WHERE `id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_au` AFTER UPDATE OF `title`, `summary`, `raw`, `search_people`, `search_meta` ON `recordings` BEGIN
  INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `people`, `meta`, `logs`)
    SELECT `id`, `title`, `summary`, `description`, `people`, `meta`, `logs` FROM `recordings_fts_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- Indexes whatever rows already exist (none on a fresh database; all of them if this ever runs later).
INSERT INTO `recordings_fts`(`recordings_fts`) VALUES ('rebuild');
