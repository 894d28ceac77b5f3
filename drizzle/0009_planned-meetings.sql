CREATE TABLE `meeting_invitees` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`kind` text NOT NULL,
	`user_id` text,
	`guardian_id` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`guardian_id`) REFERENCES `guardians`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_invitees_meeting_idx` ON `meeting_invitees` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `meeting_invitees_user_idx` ON `meeting_invitees` (`user_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`log_id` text NOT NULL,
	`planned_by` text NOT NULL,
	`starts_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`place` text,
	`video_url` text,
	`agenda` text NOT NULL,
	`status` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`minutes_event_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`log_id`) REFERENCES `logs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`planned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`minutes_event_id`) REFERENCES `log_events`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_status" CHECK("meetings"."status" in ('planned', 'cancelled', 'held'))
);
--> statement-breakpoint
CREATE INDEX `meetings_log_idx` ON `meetings` (`log_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_upcoming_idx` ON `meetings` (`status`,`starts_at`);--> statement-breakpoint
ALTER TABLE `guardians` ADD `language` text;--> statement-breakpoint
ALTER TABLE `guardians` ADD `interpreter_needed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `calendar` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `calendar_method` text;