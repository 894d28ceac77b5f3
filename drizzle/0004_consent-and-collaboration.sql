CREATE TABLE `consent_guardians` (
	`consent_id` text NOT NULL,
	`guardian_id` text NOT NULL,
	PRIMARY KEY(`consent_id`, `guardian_id`),
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`guardian_id`) REFERENCES `guardians`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consent_services` (
	`consent_id` text NOT NULL,
	`service_id` text NOT NULL,
	PRIMARY KEY(`consent_id`, `service_id`),
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_services_service_idx` ON `consent_services` (`service_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`log_id` text NOT NULL,
	`scope` text NOT NULL,
	`decision` text NOT NULL,
	`form` text NOT NULL,
	`note` text,
	`purpose` text NOT NULL,
	`categories` text,
	`young_person` integer DEFAULT false NOT NULL,
	`given_on` text NOT NULL,
	`expires_on` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`status` text NOT NULL,
	`ended_at` integer,
	`supersedes_id` text,
	FOREIGN KEY (`log_id`) REFERENCES `logs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consent_oral_note" CHECK("consents"."form" <> 'oral' or "consents"."note" is not null)
);
--> statement-breakpoint
CREATE INDEX `consents_log_idx` ON `consents` (`log_id`,`status`);--> statement-breakpoint
CREATE TABLE `handovers` (
	`id` text PRIMARY KEY NOT NULL,
	`log_id` text NOT NULL,
	`from_user_id` text NOT NULL,
	`from_service_id` text NOT NULL,
	`to_user_id` text NOT NULL,
	`to_service_id` text NOT NULL,
	`message` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`proposed_at` integer NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`log_id`) REFERENCES `logs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handovers_log_idx` ON `handovers` (`log_id`,`status`);--> statement-breakpoint
CREATE INDEX `handovers_to_idx` ON `handovers` (`to_user_id`,`status`);--> statement-breakpoint
CREATE TABLE `log_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`log_id` text NOT NULL,
	`invitee_id` text NOT NULL,
	`service_id` text NOT NULL,
	`message` text NOT NULL,
	`respond_by` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`invited_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`log_id`) REFERENCES `logs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invitee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `log_invitations_invitee_idx` ON `log_invitations` (`invitee_id`,`status`);--> statement-breakpoint
CREATE INDEX `log_invitations_log_idx` ON `log_invitations` (`log_id`);--> statement-breakpoint
ALTER TABLE `guide_settings` ADD `consent_validity_months` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `guide_settings` ADD `invitation_response_days` integer DEFAULT 7 NOT NULL;