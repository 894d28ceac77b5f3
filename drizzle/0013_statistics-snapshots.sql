CREATE TABLE `statistics_snapshots` (
	`year` integer NOT NULL,
	`service_kind` text NOT NULL,
	`computed_on` text NOT NULL,
	`computed_at` integer NOT NULL,
	`figures` text NOT NULL,
	PRIMARY KEY(`year`, `service_kind`)
);
