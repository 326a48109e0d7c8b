-- The filter index: what search filters a text query's matches by (time and length; tickets by id), in
-- a small index reached from each match's id (src/main/search/search.ts joins through it).
--
-- Why: FTS5 names the matches, and each was then looked up in `recordings` to test `created:` or
-- `duration:`. Those rows hold titles and summaries, so the lookups are scattered over 40 MB on
-- 100,000 demo recordings, and the matches a qualifier drops cost as much as those it keeps. This index
-- is about 2 MB there: "upload s duration:<120" (9,826 matches, 2,092 kept) counts in 4.3 ms instead of
-- 8.4, and its page is about a sixth faster (bench/store-bench.ts). Storing a recording costs one more
-- B-tree write (bench/store-bench.ts shows ingest with it).
CREATE INDEX `recordings_filter_idx` ON `recordings` (`id`,`created_at`,`duration`);
