DROP TABLE `bti_levels`;--> statement-breakpoint
DROP TABLE `guide_settings`;