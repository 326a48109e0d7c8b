-- Full-text index over recordings, fifth layout (hand-written: drizzle-kit has no virtual tables).
--
-- What changed from 0009, and why (measured on 100,000 demo recordings):
-- * No contentless_delete. Its deletions are tombstones: a hash table of deleted rowids kept with each
--   segment and probed for every entry a query reads from that segment. A sync deletes the rows whose
--   text changed (an update is a delete plus an insert) in rowid order, which fills those tables with long
--   runs, and a probe walks a run to its end. After a re-sync that changed every title, searches took 3 to
--   6 times as long ("checkout button platform:zendesk": 31 ms in FTS5 instead of 5), and stayed so until
--   the segment was merged; the re-sync itself ran at about 1,000 recordings/s.
--   Now an update or deletion tells FTS5 the old text ('delete' with the old values, read by a BEFORE
--   trigger through the view while the row still holds them). That costs tokenizing the old text once
--   more, only for rows whose indexed text changed; the entries it cancels are dropped at the next merge,
--   and queries never probe anything.
-- * The facet tokens (type, platform, has logs, has summary) are read from recording_payloads.search_facets
--   (0011), written by the app with the row, instead of from the narrow `recordings` row. The narrow row is
--   written before the payload, so it no longer holds the old values when the old entries must be removed.
--   Rows stored before 0011 get the tokens 0009 indexed them with, computed the same way.
-- * Whether an update changed the indexed text is told by recording_payloads.search_digest (0011), not
--   by parsing the JSON: a BEFORE trigger joins the AFTER one, and parsing twice in each would have made
--   re-syncs of view counts slower than before.
--
-- Unchanged from 0009: contentless (snippets are built in JS), no prefix table, index pages as large as
-- the database's pages, automerge 16, the same columns and tokenizer, and snippet markers blanked in JS.
DROP TRIGGER IF EXISTS `recordings_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `recordings_fts_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `recordings_fts_au`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `recordings_fts_bd`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `recordings_fts_bu`;
--> statement-breakpoint
DROP TABLE IF EXISTS `recordings_fts`;
--> statement-breakpoint
DROP VIEW IF EXISTS `recordings_fts_source`;
--> statement-breakpoint
UPDATE `recording_payloads` SET `search_facets` = (
  SELECT concat_ws(' ',
    char(57344) || 'type' || lower(`r`.`recording_type`),
    char(57344) || 'platform' || replace(replace(lower(`r`.`platform`), ' ', ''), '_', ''),
    iif(`r`.`has_logs`, char(57344) || 'haslogs', NULL),
    iif(`r`.`has_summary`, char(57344) || 'hassummary', NULL)
  ) FROM `recordings` `r` WHERE `r`.`id` = `recording_payloads`.`id`
) WHERE `search_facets` IS NULL;
--> statement-breakpoint
CREATE VIEW `recordings_fts_source` AS
SELECT
  `id`,
  iif(json_type(`raw`, '$.title') = 'text', `raw` ->> '$.title', NULL) AS `title`,
  iif(json_type(`raw`, '$.summary') = 'text', `raw` ->> '$.summary', NULL) AS `summary`,
  iif(json_type(`raw`, '$.description') = 'text', `raw` ->> '$.description', NULL) AS `description`,
  iif(json_type(`raw`, '$.customer.email') = 'text', `raw` ->> '$.customer.email', NULL) AS `customer`,
  concat_ws(' ', iif(json_type(`raw`, '$.user.name') = 'text', `raw` ->> '$.user.name', NULL), iif(json_type(`raw`, '$.user.email') = 'text', `raw` ->> '$.user.email', NULL)) AS `agent`,
  `search_meta` AS `details`,
  iif(json_type(`raw`, '$.console_logs') = 'text', `raw` ->> '$.console_logs', NULL) AS `logs`,
  `search_facets` AS `facets`
FROM `recording_payloads`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `recordings_fts` USING fts5(
  `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`,
  content='',
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
CREATE TRIGGER `recordings_fts_bd` BEFORE DELETE ON `recording_payloads` BEGIN
  INSERT INTO `recordings_fts`(`recordings_fts`, rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`)
    SELECT 'delete', `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets` FROM `recordings_fts_source` WHERE `id` = old.`id`;
END;
--> statement-breakpoint
-- Updates reindex only when an indexed value changed: a sync rewrites `raw` whenever anything changes (a
-- view count, say), and reindexing kilobytes of logs for that would make re-syncs slow. The app stores a
-- digest of the indexed values with each row (src/main/db/extract.ts); comparing it replaces parsing the
-- old and the new JSON in both triggers. A row without one (stored before 0011, or written by hand) is
-- always reindexed. The BEFORE and AFTER triggers must agree on this condition: it is the same text.
CREATE TRIGGER `recordings_fts_bu` BEFORE UPDATE ON `recording_payloads`
WHEN old.`id` IS NOT new.`id` OR old.`search_digest` IS NOT new.`search_digest` OR new.`search_digest` IS NULL
BEGIN
  INSERT INTO `recordings_fts`(`recordings_fts`, rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`)
    SELECT 'delete', `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets` FROM `recordings_fts_source` WHERE `id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_au` AFTER UPDATE ON `recording_payloads`
WHEN old.`id` IS NOT new.`id` OR old.`search_digest` IS NOT new.`search_digest` OR new.`search_digest` IS NULL
BEGIN
  INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`)
    SELECT `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets` FROM `recordings_fts_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- Indexes the recordings already cached (none on a fresh database), in rowid order.
INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`)
  SELECT `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets` FROM `recordings_fts_source` ORDER BY `id`;
