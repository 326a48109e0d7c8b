ALTER TABLE `outbox` ADD `theirs` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `sent_values` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `next_attempt_at` integer;