PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_evaluations` (
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
	FOREIGN KEY (`scorecard_version_id`) REFERENCES `scorecard_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluator_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_evaluations`("id", "tenant_id", "call_id", "agent_id", "program_id", "scorecard_version_id", "evaluator_id", "evaluator_label", "kind", "status", "revision", "version", "answers", "submitted_at", "overall_score", "dimension_scores", "failed", "critical_flags", "created_at", "updated_at") SELECT "id", "tenant_id", "call_id", "agent_id", "program_id", "scorecard_version_id", "evaluator_id", "evaluator_label", "kind", "status", "revision", "version", "answers", "submitted_at", "overall_score", "dimension_scores", "failed", "critical_flags", "created_at", "updated_at" FROM `evaluations`;--> statement-breakpoint
DROP TABLE `evaluations`;--> statement-breakpoint
ALTER TABLE `__new_evaluations` RENAME TO `evaluations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `evaluations_tenant_status_time` ON `evaluations` (`tenant_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `evaluations_agent_time` ON `evaluations` (`agent_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `evaluations_program_time` ON `evaluations` (`program_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `evaluations_call` ON `evaluations` (`call_id`);--> statement-breakpoint
CREATE INDEX `evaluations_evaluator` ON `evaluations` (`evaluator_id`,`status`);