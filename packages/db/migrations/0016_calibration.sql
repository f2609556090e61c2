CREATE TABLE `calibration_calls` (
	`session_id` integer NOT NULL,
	`call_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`session_id`, `call_id`),
	FOREIGN KEY (`session_id`) REFERENCES `calibration_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calibration_calls_call` ON `calibration_calls` (`call_id`);--> statement-breakpoint
CREATE TABLE `calibration_consensus` (
	`session_id` integer NOT NULL,
	`call_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`answer` text,
	`basis` text DEFAULT 'consensus' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `call_id`, `item_id`),
	FOREIGN KEY (`session_id`) REFERENCES `calibration_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `calibration_evaluations` (
	`session_id` integer NOT NULL,
	`call_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`evaluation_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `call_id`, `participant_id`),
	FOREIGN KEY (`session_id`) REFERENCES `calibration_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calibration_evaluations_evaluation` ON `calibration_evaluations` (`evaluation_id`);--> statement-breakpoint
CREATE TABLE `calibration_participants` (
	`session_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `person_id`),
	FOREIGN KEY (`session_id`) REFERENCES `calibration_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calibration_participants_person` ON `calibration_participants` (`person_id`);--> statement-breakpoint
CREATE TABLE `calibration_sessions` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`scorecard_version_id` integer NOT NULL,
	`title` text NOT NULL,
	`facilitator_id` integer NOT NULL,
	`deadline` integer NOT NULL,
	`selection` text NOT NULL,
	`draw_seed` text,
	`draw_from` integer,
	`draw_to` integer,
	`revealed_at` integer,
	`revealed_by` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scorecard_version_id`) REFERENCES `scorecard_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facilitator_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calibration_sessions_tenant` ON `calibration_sessions` (`tenant_id`,`created_at`);--> statement-breakpoint
-- The calls of a session are fixed when it is made: every participant must score the same calls.
CREATE TRIGGER `calibration_calls_frozen` BEFORE UPDATE ON `calibration_calls`
BEGIN
  SELECT RAISE(ABORT, 'the calls of a calibration session are never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `calibration_calls_kept` BEFORE DELETE ON `calibration_calls`
BEGIN
  SELECT RAISE(ABORT, 'the calls of a calibration session are never deleted');
END;
--> statement-breakpoint
-- A reveal happens once: what was revealed stays revealed, and the program, scorecard version and draw stay put.
CREATE TRIGGER `calibration_sessions_reveal_once` BEFORE UPDATE ON `calibration_sessions`
WHEN OLD.revealed_at IS NOT NULL AND (NEW.revealed_at IS NOT OLD.revealed_at OR NEW.revealed_by IS NOT OLD.revealed_by)
  OR NEW.program_id IS NOT OLD.program_id OR NEW.scorecard_version_id IS NOT OLD.scorecard_version_id
  OR NEW.selection IS NOT OLD.selection OR NEW.draw_seed IS NOT OLD.draw_seed
BEGIN
  SELECT RAISE(ABORT, 'a calibration session keeps its program, scorecard version, draw and reveal');
END;
