CREATE TABLE `signin_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`email` text NOT NULL,
	`ip` text
);
--> statement-breakpoint
CREATE INDEX `signin_attempts_email` ON `signin_attempts` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `signin_attempts_ip` ON `signin_attempts` (`ip`,`at`);--> statement-breakpoint
CREATE INDEX `signin_attempts_at` ON `signin_attempts` (`at`);