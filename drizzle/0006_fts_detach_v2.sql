-- Takes the second search index (0005) apart so 0007 can drop `search_people`, which it read. The third
-- layout (0008) reads customer and agent from the server JSON and has columns of its own for them.
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
