CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`fields` text NOT NULL,
	`base_values` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "outbox_status_check" CHECK("outbox"."status" IN ('pending', 'failed', 'conflict', 'done'))
);
--> statement-breakpoint
CREATE INDEX `outbox_uuid_status_idx` ON `outbox` (`uuid`,`status`);--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`);--> statement-breakpoint
CREATE TABLE `recording_tickets` (
	`recording_id` integer NOT NULL,
	`ticket_id` text NOT NULL,
	PRIMARY KEY(`recording_id`, `ticket_id`),
	FOREIGN KEY (`recording_id`) REFERENCES `recordings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recording_tickets_ticket_idx` ON `recording_tickets` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `recordings` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`raw` text NOT NULL,
	`title` text,
	`summary` text,
	`recording_type` text,
	`platform` text,
	`source` text,
	`created_at` integer,
	`updated_at` integer,
	`duration` real,
	`customer_email` text,
	`user_email` text,
	`user_name` text,
	`has_logs` integer DEFAULT false NOT NULL,
	`has_summary` integer DEFAULT false NOT NULL,
	`search_people` text,
	`search_meta` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recordings_uuid_unique` ON `recordings` (`uuid`);--> statement-breakpoint
CREATE INDEX `recordings_created_at_idx` ON `recordings` (`created_at`);--> statement-breakpoint
CREATE INDEX `recordings_type_created_idx` ON `recordings` (`recording_type`,`created_at`);--> statement-breakpoint
CREATE INDEX `recordings_platform_created_idx` ON `recordings` (`platform`,`created_at`);--> statement-breakpoint
CREATE INDEX `recordings_duration_idx` ON `recordings` (`duration`);