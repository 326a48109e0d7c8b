ALTER TABLE `recordings` ADD `title_folded` text;--> statement-breakpoint
ALTER TABLE `recordings` ADD `summary_folded` text;--> statement-breakpoint
CREATE INDEX `recordings_unfolded_idx` ON `recordings` (`id`) WHERE ("recordings"."title" IS NOT NULL AND "recordings"."title_folded" IS NULL) OR ("recordings"."summary" IS NOT NULL AND "recordings"."summary_folded" IS NULL);