CREATE TABLE `jobs` (
	`name` text PRIMARY KEY NOT NULL,
	`lease_holder` text,
	`lease_expires_at` integer,
	`last_started_at` integer,
	`last_finished_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `mail_preferences` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`choice` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mail_choice" CHECK("mail_preferences"."choice" in ('immediately', 'daily', 'off'))
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`dedupe_key` text,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`last_error` text,
	CONSTRAINT "outbox_status" CHECK("outbox"."status" in ('pending', 'sent'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_unique` ON `outbox` (`dedupe_key`) WHERE "outbox"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`rule` text NOT NULL,
	`recipient_id` text NOT NULL,
	`log_id` text,
	`subject_id` text NOT NULL,
	`state` text NOT NULL,
	`due_on` text,
	`created_at` integer NOT NULL,
	`read_at` integer,
	`done_at` integer,
	`dismissed_at` integer,
	`withdrawn_at` integer,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`log_id`) REFERENCES `logs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_key_unique` ON `reminders` (`key`);--> statement-breakpoint
CREATE INDEX `reminders_recipient_idx` ON `reminders` (`recipient_id`,`withdrawn_at`,`done_at`,`dismissed_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `reminders_rule_open_idx` ON `reminders` (`rule`,`withdrawn_at`);