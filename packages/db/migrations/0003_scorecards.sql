CREATE TABLE `scorecard_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`scorecard_id` integer NOT NULL,
	`version` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`definition` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`published_at` integer,
	`published_by` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scorecard_id`) REFERENCES `scorecards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scorecard_versions_number` ON `scorecard_versions` (`scorecard_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `scorecard_versions_one_draft` ON `scorecard_versions` (`scorecard_id`) WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX `scorecard_versions_tenant` ON `scorecard_versions` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `scorecards` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`program_id` integer,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scorecards_one_per_program` ON `scorecards` (`tenant_id`,`program_id`) WHERE program_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `scorecards_one_default` ON `scorecards` (`tenant_id`) WHERE program_id is null;--> statement-breakpoint
CREATE INDEX `scorecards_program` ON `scorecards` (`program_id`);