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
-- column tells a title's 10 from a summary's 5), contentless (the text is in `recordings`), index pages
-- as large as the database's pages, automerge 16, as the main index. A row with neither a title nor a
-- summary is not in it (it scores 0 whatever is searched).
--
-- It mirrors `recordings`, whoever writes them (the app folds the rows stored before 0010 after the
-- migrations ran, src/main/db/open.ts): triggers on that table, which hand the index the old values to
-- remove. The app writes the folded columns of a page in one statement (src/main/db/recordings-repo.ts):
-- an index written by one statement per record flushes one segment per record.
--
-- Measured on 100,000 demo recordings: 9.6 MB (2% of the cache file), built in 0.6 s.
CREATE VIRTUAL TABLE `recordings_rank_fts` USING fts5(
  `title`, `summary`,
  content='',
  tokenize='trigram',
  detail='column'
);
--> statement-breakpoint
INSERT INTO `recordings_rank_fts`(`recordings_rank_fts`, rank) SELECT 'pgsz', `page_size` - 64 FROM pragma_page_size();
--> statement-breakpoint
INSERT INTO `recordings_rank_fts`(`recordings_rank_fts`, rank) VALUES ('automerge', 16);
--> statement-breakpoint
CREATE TRIGGER `recordings_rank_fts_ai` AFTER INSERT ON `recordings`
WHEN new.`title_folded` IS NOT NULL OR new.`summary_folded` IS NOT NULL
BEGIN
  INSERT INTO `recordings_rank_fts`(rowid, `title`, `summary`) VALUES (new.`id`, new.`title_folded`, new.`summary_folded`);
END;
--> statement-breakpoint
CREATE TRIGGER `recordings_rank_fts_ad` AFTER DELETE ON `recordings`
WHEN old.`title_folded` IS NOT NULL OR old.`summary_folded` IS NOT NULL
BEGIN
  INSERT INTO `recordings_rank_fts`(`recordings_rank_fts`, rowid, `title`, `summary`) VALUES ('delete', old.`id`, old.`title_folded`, old.`summary_folded`);
END;
--> statement-breakpoint
-- Only a change of what the index holds reindexes: most updates of a row leave both columns as they were.
-- A row is removed and added only when it was, or is, in the index.
CREATE TRIGGER `recordings_rank_fts_au` AFTER UPDATE ON `recordings`
WHEN old.`id` IS NOT new.`id` OR old.`title_folded` IS NOT new.`title_folded` OR old.`summary_folded` IS NOT new.`summary_folded`
BEGIN
  INSERT INTO `recordings_rank_fts`(`recordings_rank_fts`, rowid, `title`, `summary`)
    SELECT 'delete', old.`id`, old.`title_folded`, old.`summary_folded`
    WHERE old.`title_folded` IS NOT NULL OR old.`summary_folded` IS NOT NULL;
  INSERT INTO `recordings_rank_fts`(rowid, `title`, `summary`)
    SELECT new.`id`, new.`title_folded`, new.`summary_folded`
    WHERE new.`title_folded` IS NOT NULL OR new.`summary_folded` IS NOT NULL;
END;
--> statement-breakpoint
-- Indexes the recordings already cached (none on a fresh database), in rowid order.
INSERT INTO `recordings_rank_fts`(rowid, `title`, `summary`)
  SELECT `id`, `title_folded`, `summary_folded` FROM `recordings`
  WHERE `title_folded` IS NOT NULL OR `summary_folded` IS NOT NULL
  ORDER BY `id`;
