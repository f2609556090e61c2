CREATE TABLE `sample_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`call_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`rank` text NOT NULL,
	`stratum` text NOT NULL,
	`status` text NOT NULL,
	`replaced_by` integer,
	`reason` text,
	`replaced_at` integer,
	`assigned_to` integer,
	`assigned_at` integer,
	`due_at` integer,
	`evaluation_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `sample_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_to`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sample_items_run_call` ON `sample_items` (`run_id`,`call_id`);--> statement-breakpoint
CREATE INDEX `sample_items_assignee` ON `sample_items` (`assigned_to`,`status`);--> statement-breakpoint
CREATE INDEX `sample_items_call` ON `sample_items` (`call_id`);--> statement-breakpoint
CREATE INDEX `sample_items_agent` ON `sample_items` (`tenant_id`,`agent_id`);--> statement-breakpoint
CREATE TABLE `sample_runs` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`plan_id` integer NOT NULL,
	`plan_version_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`purpose` text DEFAULT 'routine' NOT NULL,
	`trigger` text NOT NULL,
	`seed` text NOT NULL,
	`seed_source` text NOT NULL,
	`period_start` integer NOT NULL,
	`period_end` integer NOT NULL,
	`period_label` text NOT NULL,
	`filter_snapshot` text NOT NULL,
	`population_hash` text NOT NULL,
	`population_size` integer NOT NULL,
	`selected_count` integer NOT NULL,
	`requested_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `sampling_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_version_id`) REFERENCES `sampling_plan_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sample_runs_plan_period` ON `sample_runs` (`plan_id`,`purpose`,`period_start`,`period_end`);--> statement-breakpoint
CREATE INDEX `sample_runs_tenant_time` ON `sample_runs` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sample_runs_program` ON `sample_runs` (`program_id`);--> statement-breakpoint
CREATE TABLE `sampling_plan_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`plan_id` integer NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `sampling_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sampling_plan_versions_plan_version` ON `sampling_plan_versions` (`plan_id`,`version`);--> statement-breakpoint
CREATE TABLE `sampling_plans` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`name` text NOT NULL,
	`draft` text NOT NULL,
	`published_version` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sampling_plans_program_name` ON `sampling_plans` (`program_id`,`name`);--> statement-breakpoint
CREATE INDEX `sampling_plans_tenant` ON `sampling_plans` (`tenant_id`);