CREATE TABLE `component_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`component_id` integer NOT NULL,
	`at` integer NOT NULL,
	`status` text NOT NULL,
	`update_id` integer,
	FOREIGN KEY (`component_id`) REFERENCES `components`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`update_id`) REFERENCES `incident_updates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `component_status_changes_component_at` ON `component_status_changes` (`component_id`,`at`);