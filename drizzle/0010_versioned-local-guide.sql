CREATE TABLE `guide_audit` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`version_number` integer NOT NULL,
	`actor_id` text NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guide_audit_at_idx` ON `guide_audit` (`at`);--> statement-breakpoint
CREATE TABLE `guide_level_texts` (
	`version_id` text NOT NULL,
	`level` integer NOT NULL,
	`locale` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	PRIMARY KEY(`version_id`, `level`, `locale`),
	FOREIGN KEY (`version_id`) REFERENCES `guide_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "guide_level_text_range" CHECK("guide_level_texts"."level" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE `guide_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`level` integer NOT NULL,
	`position` integer NOT NULL,
	`texts` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `guide_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "guide_step_level_range" CHECK("guide_steps"."level" between 0 and 3)
);
--> statement-breakpoint
CREATE INDEX `guide_steps_version_idx` ON `guide_steps` (`version_id`,`level`,`position`);--> statement-breakpoint
CREATE TABLE `guide_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`state` text NOT NULL,
	`effective_on` text NOT NULL,
	`municipality_name` text NOT NULL,
	`level0_decision_days` integer NOT NULL,
	`evaluation_interval_days` integer NOT NULL,
	`consent_age` integer NOT NULL,
	`log_required_from_level` integer NOT NULL,
	`consent_validity_months` integer NOT NULL,
	`invitation_response_days` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`published_by` text,
	`published_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "guide_version_state" CHECK("guide_versions"."state" in ('draft', 'published')),
	CONSTRAINT "guide_version_consent_age" CHECK("guide_versions"."consent_age" in (15, 16)),
	CONSTRAINT "guide_version_log_from_level" CHECK("guide_versions"."log_required_from_level" in (1, 2))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guide_versions_number_idx` ON `guide_versions` (`number`);--> statement-breakpoint
ALTER TABLE `logs` ADD `guide_version_id` text REFERENCES guide_versions(id);--> statement-breakpoint
-- Data (hand-written, docs/decisions/027): version 1 is the guide as it stood — published,
-- in effect from the epoch, with the settings and level texts of guide_settings and
-- bti_levels (dropped by the next migration), a default checklist for levels 0–3, and every
-- existing log under it.
INSERT INTO `guide_versions` (`id`, `number`, `state`, `effective_on`, `municipality_name`, `level0_decision_days`, `evaluation_interval_days`, `consent_age`, `log_required_from_level`, `consent_validity_months`, `invitation_response_days`, `note`, `created_by`, `created_at`, `published_by`, `published_at`)
  SELECT 'guide-v1', 1, 'published', '1970-01-01', `municipality_name`, `level0_decision_days`, `evaluation_interval_days`, `consent_age`, `log_required_from_level`, `consent_validity_months`, `invitation_response_days`, '', NULL, `updated_at`, NULL, `updated_at`
  FROM `guide_settings` WHERE `id` = 1;
--> statement-breakpoint
INSERT INTO `guide_level_texts` (`version_id`, `level`, `locale`, `name`, `description`)
  SELECT 'guide-v1', `level`, 'nb', `name_nb`, `description_nb` FROM `bti_levels`
  UNION ALL
  SELECT 'guide-v1', `level`, 'en', `name_en`, `description_en` FROM `bti_levels`;
--> statement-breakpoint
INSERT INTO `guide_steps` (`id`, `version_id`, `level`, `position`, `texts`) VALUES
  ('guide-v1-0-1', 'guide-v1', 0, 1, '{"nb":"Skriv ned hva du har sett og hørt","en":"Write down what you have seen and heard"}'),
  ('guide-v1-0-2', 'guide-v1', 0, 2, '{"nb":"Drøft med en kollega eller leder","en":"Discuss with a colleague or your leader"}'),
  ('guide-v1-0-3', 'guide-v1', 0, 3, '{"nb":"Snakk med barnet og de foresatte","en":"Talk with the child and the guardians"}'),
  ('guide-v1-1-1', 'guide-v1', 1, 1, '{"nb":"Snakk med barnet","en":"Talk with the child"}'),
  ('guide-v1-1-2', 'guide-v1', 1, 2, '{"nb":"Informer foresatte","en":"Inform the guardians"}'),
  ('guide-v1-1-3', 'guide-v1', 1, 3, '{"nb":"Lag tiltak med evalueringsdato","en":"Make actions with an evaluation date"}'),
  ('guide-v1-2-1', 'guide-v1', 2, 1, '{"nb":"Innhent samtykke før samarbeid","en":"Obtain consent before collaborating"}'),
  ('guide-v1-2-2', 'guide-v1', 2, 2, '{"nb":"Inviter tjenestene som skal delta","en":"Invite the services that will take part"}'),
  ('guide-v1-2-3', 'guide-v1', 2, 3, '{"nb":"Avtal et samarbeidsmøte med foresatte","en":"Arrange a collaboration meeting with the guardians"}'),
  ('guide-v1-3-1', 'guide-v1', 3, 1, '{"nb":"Opprett ansvarsgruppe","en":"Set up a responsibility group"}'),
  ('guide-v1-3-2', 'guide-v1', 3, 2, '{"nb":"Vurder individuell plan og koordinator","en":"Consider an individual plan and a coordinator"}'),
  ('guide-v1-3-3', 'guide-v1', 3, 3, '{"nb":"Avtal neste evaluering i ansvarsgruppen","en":"Agree the next evaluation in the responsibility group"}');
--> statement-breakpoint
UPDATE `logs` SET `guide_version_id` = 'guide-v1';
