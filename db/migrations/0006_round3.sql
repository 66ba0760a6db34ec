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
CREATE INDEX `component_status_changes_component_at` ON `component_status_changes` (`component_id`,`at`);--> statement-breakpoint
CREATE TABLE `incident_reviews` (
	`incident_id` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`author_id` integer,
	`published_at` integer,
	`update_id` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`update_id`) REFERENCES `incident_updates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notice_mails` (
	`notice_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_at` integer,
	`sent_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`notice_id`, `user_id`),
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_mails_due` ON `notice_mails` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `update_channel_options` (
	`update_id` integer NOT NULL,
	`channel` text NOT NULL,
	`skip` integer DEFAULT false NOT NULL,
	`custom_text` text,
	PRIMARY KEY(`update_id`, `channel`),
	FOREIGN KEY (`update_id`) REFERENCES `incident_updates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `incident_updates` ADD `review` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `kind` text DEFAULT 'incident' NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `scheduled_for` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `scheduled_until` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `auto_start` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `auto_complete` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `remind_before_minutes` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `reminded_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `cancel_note` text;--> statement-breakpoint
CREATE INDEX `incidents_kind_status` ON `incidents` (`kind`,`status`);--> statement-breakpoint
ALTER TABLE `users` ADD `notice_mail` text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `notice_mail_since` integer;--> statement-breakpoint
CREATE INDEX `notices_incident` ON `notices` (`incident_id`);