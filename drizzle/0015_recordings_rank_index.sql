-- A second, small full-text index: the trigrams of each recording's folded title and summary, the two
-- columns relevance scores (src/main/search/rank.ts; hand-written: drizzle-kit has no virtual tables).
--
-- Why: the score is a substring test (LIKE '%word%' over title_folded and summary_folded), so the main
-- index, which finds words by their start, cannot tell which matches score. Ranking a broad word
-- ("error": 31,639 matches on 100,000 demo recordings, 2,211 of them with "error" in the summary, none
-- in the title) joined and scored every match. A row whose title or summary holds a word holds every
-- trigram of it, so this index names a superset of the matches that can score; the search scores those
-- only, and proves its page exact from that (src/main/search/candidates.ts).
--
-- Its layout: the trigram tokenizer (every three consecutive characters, case folded), detail=column
-- (which rows hold a trigram in which column, no positions: a superset is all it is asked for, and the
-- column tells a title's 10 from a summary's 5), no column sizes (nothing asks for them: one B-tree write
-- less per row), contentless (the text is in `recordings`), index pages as large as the database's pages,
-- automerge 16, as the main index.
--
-- It holds the recordings the main index holds (those with a payload) that have a title or a summary
-- (without either, a row scores 0 whatever is searched), whoever writes them (the app folds the rows
-- stored before 0010 after the migrations ran, src/main/db/open.ts): triggers hand it the old values
-- to remove. None fires on a statement that only inserts a narrow row or updates its other columns: a
-- trigger writing an FTS5 table makes every statement of the transaction after it sync that table, and
-- a sync stores each record's narrow row with a statement of its own (measured: ingest about 10% slower
-- with an INSERT trigger on `recordings`). The app writes the folded columns of a page in one statement
-- (src/main/db/recordings-repo.ts), and the payloads of the page in one statement.
--
-- Measured on 100,000 demo recordings: 25 MB (5% of the 528 MB cache file), built by this migration in
-- 0.8 s; storing a recording costs about 12% more CPU (bench/store-bench.ts and bench/size-bench.ts show
-- both). Ranking "error" went from 31 to 13 ms, "cafe lumiere" from 38 to 13 ms.
CREATE VIRTUAL TABLE `recordings_rank_fts` USING fts5(
  `title`, `summary`,
  content='',
  tokenize='trigram',
  detail='column',
  columnsize=0
);
--> statement-breakpoint
INSERT INTO `recordings_rank_fts`(`recordings_rank_fts`, rank) SELECT 'pgsz', `page_size` - 64 FROM pragma_page_size();
--> statement-breakpoint
INSERT INTO `recordings_rank_fts`(`recordings_rank_fts`, rank) VALUES ('automerge', 16);
--> statement-breakpoint
CREATE TRIGGER `recordings_rank_fts_payload_ai` AFTER INSERT ON `recording_payloads` BEGIN
  INSERT INTO `recordings_rank_fts`(rowid, `title`, `summary`)
    SELECT `id`, `title_folded`, `summary_folded` FROM `recordings`
    WHERE `id` = new.`id` AND (`title_folded` IS NOT NULL OR `summary_folded` IS NOT NULL);
END;
--> statement-breakpoint
-- A payload removed before its narrow row (as the app removes them): the row still has the values.
CREATE TRIGGER `recordings_rank_fts_payload_bd` BEFORE DELETE ON `recording_payloads` BEGIN
  INSERT INTO `recordings_rank_fts`(`recordings_rank_fts`, rowid, `title`, `summary`)
    SELECT 'delete', `id`, `title_folded`, `summary_folded` FROM `recordings`
    WHERE `id` = old.`id` AND (`title_folded` IS NOT NULL OR `summary_folded` IS NOT NULL);
END;
--> statement-breakpoint
-- A narrow row removed with its payload still there (which its foreign key then removes, once the row
-- is gone: the trigger above finds nothing).
CREATE TRIGGER `recordings_rank_fts_bd` BEFORE DELETE ON `recordings`
WHEN (old.`title_folded` IS NOT NULL OR old.`summary_folded` IS NOT NULL)
  AND EXISTS (SELECT 1 FROM `recording_payloads` WHERE `id` = old.`id`)
BEGIN
  INSERT INTO `recordings_rank_fts`(`recordings_rank_fts`, rowid, `title`, `summary`)
    VALUES ('delete', old.`id`, old.`title_folded`, old.`summary_folded`);
END;
--> statement-breakpoint
-- Only an update of these columns is coded with this trigger (UPDATE OF), and only a change reindexes.
CREATE TRIGGER `recordings_rank_fts_au` AFTER UPDATE OF `id`, `title_folded`, `summary_folded` ON `recordings`
WHEN old.`id` IS NOT new.`id` OR old.`title_folded` IS NOT new.`title_folded` OR old.`summary_folded` IS NOT new.`summary_folded`
BEGIN
  INSERT INTO `recordings_rank_fts`(`recordings_rank_fts`, rowid, `title`, `summary`)
    SELECT 'delete', old.`id`, old.`title_folded`, old.`summary_folded`
    WHERE (old.`title_folded` IS NOT NULL OR old.`summary_folded` IS NOT NULL)
      AND EXISTS (SELECT 1 FROM `recording_payloads` WHERE `id` = old.`id`);
  INSERT INTO `recordings_rank_fts`(rowid, `title`, `summary`)
    SELECT new.`id`, new.`title_folded`, new.`summary_folded`
    WHERE (new.`title_folded` IS NOT NULL OR new.`summary_folded` IS NOT NULL)
      AND EXISTS (SELECT 1 FROM `recording_payloads` WHERE `id` = new.`id`);
END;
--> statement-breakpoint
-- Indexes the recordings already cached (none on a fresh database), in rowid order.
INSERT INTO `recordings_rank_fts`(rowid, `title`, `summary`)
  SELECT r.`id`, r.`title_folded`, r.`summary_folded` FROM `recordings` r
  WHERE (r.`title_folded` IS NOT NULL OR r.`summary_folded` IS NOT NULL)
    AND EXISTS (SELECT 1 FROM `recording_payloads` p WHERE p.`id` = r.`id`)
  ORDER BY r.`id`;
