CREATE TABLE `bti_levels` (
	`level` integer PRIMARY KEY NOT NULL,
	`name_nb` text NOT NULL,
	`name_en` text NOT NULL,
	`description_nb` text NOT NULL,
	`description_en` text NOT NULL,
	CONSTRAINT "bti_level_range" CHECK("bti_levels"."level" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE `guide_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`municipality_name` text NOT NULL,
	`level0_decision_days` integer NOT NULL,
	`evaluation_interval_days` integer NOT NULL,
	`consent_age` integer NOT NULL,
	`log_required_from_level` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "guide_settings_single_row" CHECK("guide_settings"."id" = 1),
	CONSTRAINT "guide_consent_age" CHECK("guide_settings"."consent_age" in (15, 16)),
	CONSTRAINT "guide_log_from_level" CHECK("guide_settings"."log_required_from_level" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE `service_kinds` (
	`code` text PRIMARY KEY NOT NULL,
	`sort_order` integer NOT NULL,
	`name_nb` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`service_id` text NOT NULL,
	`role` text NOT NULL,
	`title` text,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "membership_role" CHECK("memberships"."role" in ('employee', 'leader'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_current_unique` ON `memberships` (`user_id`,`service_id`) WHERE "memberships"."ended_at" is null;--> statement-breakpoint
CREATE INDEX `memberships_service_idx` ON `memberships` (`service_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`deactivated_at` integer,
	FOREIGN KEY (`kind`) REFERENCES `service_kinds`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_name_unique` ON `services` (lower("name"));--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`password_hash` text,
	`is_administrator` integer DEFAULT false NOT NULL,
	`is_coordinator` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`deactivated_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_name_idx` ON `users` (`name`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_user_idx` ON `invitations` (`user_id`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`first_failure_at` integer NOT NULL,
	`last_failure_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` blob NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);