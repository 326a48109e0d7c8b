-- Full-text index over recordings, fourth layout (hand-written: drizzle-kit has no virtual tables).
--
-- What changed from 0008, and why (measured with `npm run bench` on 100,000 demo recordings):
-- * Contentless, with contentless_delete=1. Snippets are now built in JS for the rows of a result page
--   (src/main/search/highlight.ts), so the index no longer needs to read text back; deleting a row no
--   longer needs the exact text it was indexed with, so updates and deletions do not tokenize the old
--   text again (kilobytes of console logs, for a view count that changed).
-- * No prefix table. It made indexing a third slower and only sped up three-letter prefixes; every
--   longer prefix ("check*") was expanded from the terms themselves anyway.
-- * Index pages as large as the database's pages (FTS5 assumes 4 KiB; new caches use 16 KiB, see
--   src/main/db/open.ts), and merges of 16 segments at a time instead of 4: together about a quarter less
--   indexing time, for queries a few percent slower.
-- * No blanking of the snippet markers U+0002/U+0003: the tokenizer never indexes them, and snippets are
--   built from the stored record, where highlight.ts blanks them.
--
-- * A `facets` column: one token each for the recording's type, platform, and whether it has logs and a
--   summary, so that `type:`, `platform:` and `has:` next to words are answered inside FTS5 instead of by
--   looking up every match's row (src/main/search/facets.ts builds the same tokens). Each token starts
--   with U+E000, a private-use character: typed words never match one.
--
-- Columns are separate so that `customer:` and `user:` are column filters. Tokenizer: case folding plus
-- diacritics removal ("cafe" finds "Café"). The view reads only string values of the named fields, and
-- the facets from the recording's narrow row, which a sync writes before the payload. Triggers live on
-- recording_payloads, the table every sync write ends with.
DROP TRIGGER IF EXISTS `recordings_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `recordings_fts_bd`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `recordings_fts_bu`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `recordings_fts_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `recordings_fts`;
--> statement-breakpoint
DROP VIEW IF EXISTS `recordings_fts_source`;
--> statement-breakpoint
CREATE VIEW `recordings_fts_source` AS
SELECT
  `p`.`id`,
  iif(json_type(`raw`, '$.title') = 'text', `raw` ->> '$.title', NULL) AS `title`,
  iif(json_type(`raw`, '$.summary') = 'text', `raw` ->> '$.summary', NULL) AS `summary`,
  iif(json_type(`raw`, '$.description') = 'text', `raw` ->> '$.description', NULL) AS `description`,
  iif(json_type(`raw`, '$.customer.email') = 'text', `raw` ->> '$.customer.email', NULL) AS `customer`,
  concat_ws(' ', iif(json_type(`raw`, '$.user.name') = 'text', `raw` ->> '$.user.name', NULL), iif(json_type(`raw`, '$.user.email') = 'text', `raw` ->> '$.user.email', NULL)) AS `agent`,
  `p`.`search_meta` AS `details`,
  iif(json_type(`raw`, '$.console_logs') = 'text', `raw` ->> '$.console_logs', NULL) AS `logs`,
  concat_ws(' ',
    char(57344) || 'type' || lower(`r`.`recording_type`),
    char(57344) || 'platform' || replace(replace(lower(`r`.`platform`), ' ', ''), '_', ''),
    iif(`r`.`has_logs`, char(57344) || 'haslogs', NULL),
    iif(`r`.`has_summary`, char(57344) || 'hassummary', NULL)
  ) AS `facets`
FROM `recording_payloads` `p` JOIN `recordings` `r` ON `r`.`id` = `p`.`id`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `recordings_fts` USING fts5(
  `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`,
  content='',
  contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `recordings_fts`(`recordings_fts`, rank) SELECT 'pgsz', `page_size` - 64 FROM pragma_page_size();
--> statement-breakpoint
INSERT INTO `recordings_fts`(`recordings_fts`, rank) VALUES ('automerge', 16);
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_ai` AFTER INSERT ON `recording_payloads` BEGIN
  INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`)
    SELECT `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets` FROM `recordings_fts_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_ad` AFTER DELETE ON `recording_payloads` BEGIN
  DELETE FROM `recordings_fts` WHERE rowid = old.`id`;
END;
--> statement-breakpoint
-- Updates reindex only when an indexed field changed: a sync rewrites `raw` whenever anything changes (a
-- view count, say), and reindexing kilobytes of logs for that would make re-syncs slow. json_extract with
-- several paths returns one JSON array holding every value with its type: equal arrays, equal text. The
-- type and platform paths cover the facets (has_logs and has_summary follow the logs and the summary).
CREATE TRIGGER `recordings_fts_au` AFTER UPDATE ON `recording_payloads`
WHEN old.`id` IS NOT new.`id` OR old.`search_meta` IS NOT new.`search_meta`
  OR (old.`raw` IS NOT new.`raw` AND json_extract(old.`raw`, '$.title', '$.summary', '$.description', '$.customer.email', '$.user.name', '$.user.email', '$.console_logs', '$.metadata.recording_type', '$.metadata.helpdesk_info.platform')
    IS NOT json_extract(new.`raw`, '$.title', '$.summary', '$.description', '$.customer.email', '$.user.name', '$.user.email', '$.console_logs', '$.metadata.recording_type', '$.metadata.helpdesk_info.platform'))
BEGIN
  DELETE FROM `recordings_fts` WHERE rowid = old.`id`;
  INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`)
    SELECT `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets` FROM `recordings_fts_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- Indexes the recordings already cached (none on a fresh database), in rowid order.
INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`)
  SELECT `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets` FROM `recordings_fts_source` ORDER BY `id`;
