CREATE TABLE `recording_payloads` (
	`id` integer PRIMARY KEY NOT NULL,
	`raw` text NOT NULL,
	`search_people` text,
	`search_meta` text,
	FOREIGN KEY (`id`) REFERENCES `recordings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Hand-added: keep what is already cached (the server JSON may hold recordings that are offline-only now).
INSERT INTO `recording_payloads` (`id`, `raw`, `search_people`, `search_meta`)
  SELECT `id`, `raw`, `search_people`, `search_meta` FROM `recordings`;
--> statement-breakpoint
ALTER TABLE `recordings` DROP COLUMN `raw`;--> statement-breakpoint
ALTER TABLE `recordings` DROP COLUMN `search_people`;--> statement-breakpoint
ALTER TABLE `recordings` DROP COLUMN `search_meta`;