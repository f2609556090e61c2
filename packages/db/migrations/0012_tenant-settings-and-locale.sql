ALTER TABLE `people` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `time_zone` text DEFAULT 'Europe/Amsterdam' NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `default_language` text DEFAULT 'en' NOT NULL;