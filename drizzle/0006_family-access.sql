CREATE TABLE `sign_in_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sign_in_codes_user_idx` ON `sign_in_codes` (`user_id`,`created_at`);--> statement-breakpoint
DROP INDEX `users_email_unique`;--> statement-breakpoint
ALTER TABLE `users` ADD `kind` text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `national_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_kind_email_unique` ON `users` (`kind`,`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_national_id_unique` ON `users` (`national_id`) WHERE "users"."national_id" is not null;--> statement-breakpoint
ALTER TABLE `children` ADD `user_id` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `children_user_idx` ON `children` (`user_id`);--> statement-breakpoint
ALTER TABLE `guardians` ADD `user_id` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `guardians_user_idx` ON `guardians` (`user_id`);