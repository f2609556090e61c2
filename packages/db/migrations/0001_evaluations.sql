CREATE TABLE `evaluation_comments` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`evaluation_id` integer NOT NULL,
	`item_id` text,
	`text` text NOT NULL,
	`at_seconds` real,
	`turn_index` integer,
	`author_id` integer,
	`author_label` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluation_comments_eval` ON `evaluation_comments` (`evaluation_id`);--> statement-breakpoint
CREATE TABLE `evaluation_revisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`evaluation_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`answers` text NOT NULL,
	`result` text NOT NULL,
	`overall_score` real,
	`failed` integer NOT NULL,
	`author_id` integer,
	`author_label` text NOT NULL,
	`at` integer NOT NULL,
	`reason` text,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_revisions_eval_rev` ON `evaluation_revisions` (`evaluation_id`,`revision`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`call_id` integer,
	`agent_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`scorecard_version_id` integer NOT NULL,
	`evaluator_id` integer,
	`evaluator_label` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`answers` text NOT NULL,
	`submitted_at` integer,
	`overall_score` real,
	`dimension_scores` text,
	`failed` integer DEFAULT false NOT NULL,
	`critical_flags` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluator_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluations_tenant_status_time` ON `evaluations` (`tenant_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `evaluations_agent_time` ON `evaluations` (`agent_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `evaluations_program_time` ON `evaluations` (`program_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `evaluations_call` ON `evaluations` (`call_id`);--> statement-breakpoint
CREATE INDEX `evaluations_evaluator` ON `evaluations` (`evaluator_id`,`status`);