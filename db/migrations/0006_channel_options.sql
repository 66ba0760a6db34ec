CREATE TABLE `update_channel_options` (
	`update_id` integer NOT NULL,
	`channel` text NOT NULL,
	`skip` integer DEFAULT false NOT NULL,
	`custom_text` text,
	PRIMARY KEY(`update_id`, `channel`),
	FOREIGN KEY (`update_id`) REFERENCES `incident_updates`(`id`) ON UPDATE no action ON DELETE no action
);
