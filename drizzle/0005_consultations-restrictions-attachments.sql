CREATE TABLE `consent_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`consent_id` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` text PRIMARY KEY NOT NULL,
	`author_id` text NOT NULL,
	`author_service_id` text NOT NULL,
	`consulted_kind` text NOT NULL,
	`consulted_service_id` text,
	`held_on` text NOT NULL,
	`question` text NOT NULL,
	`advice` text NOT NULL,
	`log_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consulted_kind`) REFERENCES `service_kinds`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consulted_service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`log_id`) REFERENCES `logs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultations_author_idx` ON `consultations` (`author_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `consultations_log_idx` ON `consultations` (`log_id`);--> statement-breakpoint
ALTER TABLE `log_events` ADD `about_event_id` text;--> statement-breakpoint
ALTER TABLE `log_events` ADD `restricted_reason` text;--> statement-breakpoint
CREATE INDEX `events_about_idx` ON `log_events` (`about_event_id`);