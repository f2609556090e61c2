CREATE TABLE `mystery_assignments` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`plan_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`scenario_version_id` integer NOT NULL,
	`shopper_id` integer NOT NULL,
	`window_start` integer NOT NULL,
	`window_end` integer NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `mystery_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scenario_version_id`) REFERENCES `mystery_scenario_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shopper_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mystery_assignments_shopper` ON `mystery_assignments` (`tenant_id`,`shopper_id`,`status`,`window_start`);--> statement-breakpoint
CREATE INDEX `mystery_assignments_plan` ON `mystery_assignments` (`plan_id`);--> statement-breakpoint
CREATE TABLE `mystery_calls` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`assignment_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`scenario_version_id` integer NOT NULL,
	`shopper_id` integer NOT NULL,
	`dialled_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`answered_at` integer,
	`gave_up_after_seconds` integer,
	`menu_steps` integer DEFAULT 0 NOT NULL,
	`menu_choices` text DEFAULT '[]' NOT NULL,
	`hold_seconds` integer DEFAULT 0 NOT NULL,
	`transfers` integer DEFAULT 0 NOT NULL,
	`resolved` integer,
	`agent_name_given` text,
	`right_answer_given` integer,
	`opportunity_taken` integer,
	`notes` text DEFAULT '' NOT NULL,
	`recording_path` text,
	`evaluation_id` integer,
	`matched_call_id` integer,
	`matched_at` integer,
	`matched_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `mystery_assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scenario_version_id`) REFERENCES `mystery_scenario_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shopper_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`matched_call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mystery_calls_assignment` ON `mystery_calls` (`assignment_id`);--> statement-breakpoint
CREATE INDEX `mystery_calls_program_time` ON `mystery_calls` (`tenant_id`,`program_id`,`dialled_at`);--> statement-breakpoint
CREATE INDEX `mystery_calls_shopper` ON `mystery_calls` (`shopper_id`);--> statement-breakpoint
CREATE TABLE `mystery_plans` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`month` text NOT NULL,
	`calls` integer NOT NULL,
	`spread` text NOT NULL,
	`grid` text,
	`target_answer_seconds` integer DEFAULT 20 NOT NULL,
	`shopper_ids` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	`published_by` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mystery_plans_program_month` ON `mystery_plans` (`tenant_id`,`program_id`,`month`);--> statement-breakpoint
CREATE TABLE `mystery_scenario_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`scenario_id` integer NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`story` text NOT NULL,
	`question` text NOT NULL,
	`right_answer` text NOT NULL,
	`oriented_opportunity` text NOT NULL,
	`difficulty` text NOT NULL,
	`scorecard_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scenario_id`) REFERENCES `mystery_scenarios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scorecard_id`) REFERENCES `scorecards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mystery_scenario_versions_number` ON `mystery_scenario_versions` (`scenario_id`,`version`);--> statement-breakpoint
CREATE INDEX `mystery_scenario_versions_tenant` ON `mystery_scenario_versions` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `mystery_scenarios` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text NOT NULL,
	`retired_at` integer,
	`retired_by` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mystery_scenarios_program` ON `mystery_scenarios` (`tenant_id`,`program_id`);--> statement-breakpoint
DROP INDEX `scorecards_one_per_program`;--> statement-breakpoint
DROP INDEX `scorecards_one_default`;--> statement-breakpoint
ALTER TABLE `scorecards` ADD `purpose` text DEFAULT 'calls' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `scorecards_one_per_program_purpose` ON `scorecards` (`tenant_id`,`program_id`,`purpose`) WHERE program_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `scorecards_one_default_purpose` ON `scorecards` (`tenant_id`,`purpose`) WHERE program_id is null;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_evaluations` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`call_id` integer,
	`agent_id` integer,
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
	`friendly_score` real,
	`oriented_score` real,
	`compliance_score` real,
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
INSERT INTO `__new_evaluations`("id", "tenant_id", "call_id", "agent_id", "program_id", "scorecard_version_id", "evaluator_id", "evaluator_label", "kind", "status", "revision", "version", "answers", "submitted_at", "overall_score", "dimension_scores", "friendly_score", "oriented_score", "compliance_score", "failed", "critical_flags", "created_at", "updated_at") SELECT "id", "tenant_id", "call_id", "agent_id", "program_id", "scorecard_version_id", "evaluator_id", "evaluator_label", "kind", "status", "revision", "version", "answers", "submitted_at", "overall_score", "dimension_scores", "friendly_score", "oriented_score", "compliance_score", "failed", "critical_flags", "created_at", "updated_at" FROM `evaluations`;--> statement-breakpoint
DROP TABLE `evaluations`;--> statement-breakpoint
ALTER TABLE `__new_evaluations` RENAME TO `evaluations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `evaluations_aggregate` ON `evaluations` (`tenant_id`,`status`,`agent_id`,`kind`,`submitted_at`,`program_id`,`failed`,`overall_score`,`friendly_score`,`oriented_score`,`compliance_score`);--> statement-breakpoint
CREATE INDEX `evaluations_agent_time` ON `evaluations` (`agent_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `evaluations_program_time` ON `evaluations` (`program_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `evaluations_call` ON `evaluations` (`call_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_one_counting_per_call` ON `evaluations` (`call_id`) WHERE status = 'submitted' and kind in ('sampled', 'live', 'mystery') and call_id is not null;--> statement-breakpoint
CREATE INDEX `evaluations_evaluator` ON `evaluations` (`evaluator_id`,`status`);--> statement-breakpoint
-- A scenario version is frozen: assignments and results made with it must keep meaning what they meant.
CREATE TRIGGER `mystery_scenario_versions_frozen` BEFORE UPDATE ON `mystery_scenario_versions`
BEGIN
  SELECT RAISE(ABORT, 'scenario versions are never changed: add a version');
END;
--> statement-breakpoint
CREATE TRIGGER `mystery_scenario_versions_kept` BEFORE DELETE ON `mystery_scenario_versions`
BEGIN
  SELECT RAISE(ABORT, 'scenario versions are never deleted: retire the scenario');
END;
