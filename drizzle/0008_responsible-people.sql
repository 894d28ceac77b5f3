ALTER TABLE `actions` ADD `responsible_kind` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `actions` ADD `responsible_user_id` text REFERENCES users(id);