ALTER TABLE `recording_payloads` ADD `search_facets` text;--> statement-breakpoint
ALTER TABLE `recording_payloads` ADD `search_digest` text;