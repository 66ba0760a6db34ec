ALTER TABLE `incidents` ADD `kind` text DEFAULT 'incident' NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `scheduled_for` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `scheduled_until` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `auto_start` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `auto_complete` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `remind_before_minutes` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `reminded_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `cancel_note` text;--> statement-breakpoint
CREATE INDEX `incidents_kind_status` ON `incidents` (`kind`,`status`);