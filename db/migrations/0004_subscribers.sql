CREATE TABLE `subscriber_components` (
	`subscriber_id` integer NOT NULL,
	`component_id` integer NOT NULL,
	PRIMARY KEY(`subscriber_id`, `component_id`),
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`component_id`) REFERENCES `components`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`target` text NOT NULL,
	`target_key` text NOT NULL,
	`secret` text,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`confirmed_at` integer,
	`confirmation_sent_at` integer,
	`unsubscribed_at` integer,
	`quarantined_at` integer,
	`failing_since` integer,
	`last_delivery_at` integer,
	`last_error` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_channel_target` ON `subscribers` (`channel`,`target_key`);--> statement-breakpoint
CREATE INDEX `subscribers_channel` ON `subscribers` (`channel`,`confirmed_at`);--> statement-breakpoint
DROP INDEX `deliveries_update_channel`;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `subscriber_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_update_channel_target` ON `deliveries` (`update_id`,`channel`,`subscriber_id`);