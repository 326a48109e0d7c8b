-- Takes the first search index (0001) apart so 0004 can move the server JSON out of `recordings`:
-- SQLite cannot drop a column that a view or trigger still names. 0005 builds the index again.
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
