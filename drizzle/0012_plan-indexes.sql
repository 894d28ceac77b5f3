DROP INDEX `children_user_idx`;--> statement-breakpoint
CREATE INDEX `children_user_idx` ON `children` (`user_id`) WHERE "children"."user_id" is not null;--> statement-breakpoint
DROP INDEX `events_about_idx`;--> statement-breakpoint
CREATE INDEX `events_about_idx` ON `log_events` (`about_event_id`,`type`,`seq`) WHERE "log_events"."about_event_id" is not null;--> statement-breakpoint
CREATE INDEX `consent_attachments_consent_idx` ON `consent_attachments` (`consent_id`);--> statement-breakpoint
CREATE INDEX `handovers_status_idx` ON `handovers` (`status`,`proposed_at`);--> statement-breakpoint
CREATE INDEX `log_invitations_service_idx` ON `log_invitations` (`service_id`,`status`,`respond_by`);--> statement-breakpoint
CREATE INDEX `reminders_log_idx` ON `reminders` (`log_id`);