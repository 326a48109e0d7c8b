-- Full-text index over recordings, sixth layout (hand-written: drizzle-kit has no virtual tables).
--
-- What changed from 0012, and why:
-- * A `cjk` column: the bigrams of every run of Chinese, Japanese or Korean characters in the indexed
--   text, runs separated by U+E001 (src/main/search/cjk.ts). Those scripts write words without spaces,
--   so unicode61 keeps "支払いエラー" as one token that only a query for its start can match; a query of
--   CJK characters is the phrase of its bigrams on this column and finds any part of two or more
--   characters ("払い", "エラー"). Its value is computed once per record where the app has parsed it
--   already (src/main/db/extract.ts) and stored in a new column, recording_payloads.search_cjk, which
--   the view reads as it reads search_meta: the triggers call no function of the app's, so any
--   connection (the sqlite3 shell) can write recordings, and the BEFORE triggers remove a row's old
--   entries with its old stored value. Text without a CJK character costs a scan for one and adds
--   nothing to the index. The recordings already cached get their value below from sdesk_cjk_grams(),
--   the same computation as a SQL function, which the app's connections register for this alone
--   (src/main/db/open.ts). (Computed in the view by that function, as a first version of this
--   migration did, the column cost every indexed insert and update a trip of all seven texts,
--   kilobytes of logs, into JS and back, and a connection without the function could not write.)
-- * prefix='1 2': one- and two-character prefixes are terms of their own, so the word being typed is a
--   prefix from its first letter ("c", "ch" find "checkout") without expanding to thousands of terms
--   at each keystroke. Its cost in size and ingest is measured by `npm run bench`.
--
-- Measured on 20,000 demo recordings (bench/index-options-bench.ts, CPU time on a busy 2-core machine):
-- the prefix terms make the file a fifth larger (about 1 MB per 1,000 recordings) and cost 10-30% of
-- ingest; the `cjk` column adds 1-2% to the file (the stored search_cjk values as much again) and its
-- index entries cost 3-7% of ingest (39% of the demo recordings hold CJK text, often dozens of runs in
-- their console logs); computing the value in extract.ts made the whole ingest 6% cheaper in CPU than
-- computing it in the view, measured in the same minute. Without the prefix terms a one-letter word
-- costs 4-5 times as much to search.
--
-- Unchanged from 0012: contentless, the delete-with-old-values triggers (no tombstones), the digest
-- deciding which updates reindex (it leaves out search_cjk, derived from values it already covers),
-- index pages as large as the database's pages, automerge 16, the tokenizer, the facet tokens.
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
-- The column the `cjk` column is read from (src/main/db/extract.ts writes it with every record), filled in
-- for the recordings already cached. The triggers are gone by now, so this reindexes nothing; the index
-- is rebuilt from the view below. sdesk_cjk_grams() is the same computation as a SQL function, which
-- every connection of the app registers (src/main/db/open.ts) for this statement alone; its arguments
-- are the values the view reads for the other columns, in its column order.
ALTER TABLE `recording_payloads` ADD `search_cjk` text;
--> statement-breakpoint
UPDATE `recording_payloads` SET `search_cjk` = sdesk_cjk_grams(
  iif(json_type(`raw`, '$.title') = 'text', `raw` ->> '$.title', NULL),
  iif(json_type(`raw`, '$.summary') = 'text', `raw` ->> '$.summary', NULL),
  iif(json_type(`raw`, '$.description') = 'text', `raw` ->> '$.description', NULL),
  iif(json_type(`raw`, '$.customer.email') = 'text', `raw` ->> '$.customer.email', NULL),
  concat_ws(' ', iif(json_type(`raw`, '$.user.name') = 'text', `raw` ->> '$.user.name', NULL), iif(json_type(`raw`, '$.user.email') = 'text', `raw` ->> '$.user.email', NULL)),
  `search_meta`,
  iif(json_type(`raw`, '$.console_logs') = 'text', `raw` ->> '$.console_logs', NULL)
);
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
  `search_facets` AS `facets`,
  `search_cjk` AS `cjk`
FROM `recording_payloads`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `recordings_fts` USING fts5(
  `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk`,
  content='',
  tokenize='unicode61 remove_diacritics 2',
  prefix='1 2'
);
--> statement-breakpoint
INSERT INTO `recordings_fts`(`recordings_fts`, rank) SELECT 'pgsz', `page_size` - 64 FROM pragma_page_size();
--> statement-breakpoint
INSERT INTO `recordings_fts`(`recordings_fts`, rank) VALUES ('automerge', 16);
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_ai` AFTER INSERT ON `recording_payloads` BEGIN
  INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk`)
    SELECT `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk` FROM `recordings_fts_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_bd` BEFORE DELETE ON `recording_payloads` BEGIN
  INSERT INTO `recordings_fts`(`recordings_fts`, rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk`)
    SELECT 'delete', `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk` FROM `recordings_fts_source` WHERE `id` = old.`id`;
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
  INSERT INTO `recordings_fts`(`recordings_fts`, rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk`)
    SELECT 'delete', `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk` FROM `recordings_fts_source` WHERE `id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `recordings_fts_au` AFTER UPDATE ON `recording_payloads`
WHEN old.`id` IS NOT new.`id` OR old.`search_digest` IS NOT new.`search_digest` OR new.`search_digest` IS NULL
BEGIN
  INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk`)
    SELECT `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk` FROM `recordings_fts_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- Indexes the recordings already cached (none on a fresh database), in rowid order.
INSERT INTO `recordings_fts`(rowid, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk`)
  SELECT `id`, `title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk` FROM `recordings_fts_source` ORDER BY `id`;
