CREATE TABLE `access_log` (
	`id` text PRIMARY KEY NOT NULL,
	`log_id` text NOT NULL,
	`user_id` text NOT NULL,
	`service_id` text,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`log_id`) REFERENCES `logs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_log_log_idx` ON `access_log` (`log_id`,`at`);--> statement-breakpoint
CREATE INDEX `access_log_user_idx` ON `access_log` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`log_id` text NOT NULL,
	`description` text NOT NULL,
	`goal` text NOT NULL,
	`responsible` text NOT NULL,
	`start_on` text NOT NULL,
	`evaluate_on` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`log_id`) REFERENCES `logs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_log_idx` ON `actions` (`log_id`,`active`);--> statement-breakpoint
CREATE TABLE `child_services` (
	`child_id` text NOT NULL,
	`service_id` text NOT NULL,
	PRIMARY KEY(`child_id`, `service_id`),
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `children` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`birth_date` text NOT NULL,
	`national_id` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `guardians` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`name` text NOT NULL,
	`relation` text NOT NULL,
	`parental_responsibility` integer NOT NULL,
	`email` text,
	`phone` text,
	`told_on` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guardians_child_idx` ON `guardians` (`child_id`);--> statement-breakpoint
CREATE TABLE `log_events` (
	`id` text PRIMARY KEY NOT NULL,
	`log_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`author_id` text NOT NULL,
	`author_service_id` text,
	`occurred_on` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`corrects_event_id` text,
	`data` text NOT NULL,
	FOREIGN KEY (`log_id`) REFERENCES `logs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_log_seq_idx` ON `log_events` (`log_id`,`seq`);--> statement-breakpoint
CREATE INDEX `events_log_type_idx` ON `log_events` (`log_id`,`type`,`seq`);--> statement-breakpoint
CREATE INDEX `events_corrects_idx` ON `log_events` (`corrects_event_id`);--> statement-breakpoint
CREATE TABLE `log_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`log_id` text NOT NULL,
	`user_id` text NOT NULL,
	`service_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`log_id`) REFERENCES `logs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participants_user_idx` ON `log_participants` (`user_id`,`ended_at`);--> statement-breakpoint
CREATE INDEX `participants_log_idx` ON `log_participants` (`log_id`);--> statement-breakpoint
CREATE TABLE `logs` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`level` integer NOT NULL,
	`holder_id` text NOT NULL,
	`holder_service_id` text NOT NULL,
	`shared_with_leader` integer DEFAULT false NOT NULL,
	`decision_due_on` text,
	`next_evaluation_on` text,
	`last_child_voice_on` text,
	`close_reason` text,
	`closed_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "log_level_range" CHECK("logs"."level" between 0 and 3),
	CONSTRAINT "log_kind" CHECK("logs"."kind" in ('concern', 'relay')),
	CONSTRAINT "log_state" CHECK("logs"."state" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE INDEX `logs_holder_idx` ON `logs` (`holder_id`,`state`);--> statement-breakpoint
CREATE INDEX `logs_service_idx` ON `logs` (`holder_service_id`,`state`);--> statement-breakpoint
CREATE INDEX `logs_child_idx` ON `logs` (`child_id`);