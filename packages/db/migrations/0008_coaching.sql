CREATE TABLE `coaching_actions` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`text` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `coaching_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coaching_actions_session` ON `coaching_actions` (`session_id`);--> statement-breakpoint
CREATE TABLE `coaching_focus_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`session_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `coaching_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coaching_focus_session_item` ON `coaching_focus_items` (`session_id`,`item_id`);--> statement-breakpoint
CREATE TABLE `coaching_follow_ups` (
	`id` integer PRIMARY KEY NOT NULL,
	`session_id` integer NOT NULL,
	`progress` text NOT NULL,
	`note` text NOT NULL,
	`author_id` integer,
	`author_label` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `coaching_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coaching_follow_ups_session` ON `coaching_follow_ups` (`session_id`);--> statement-breakpoint
CREATE TABLE `coaching_session_evaluations` (
	`session_id` integer NOT NULL,
	`evaluation_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `evaluation_id`),
	FOREIGN KEY (`session_id`) REFERENCES `coaching_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `coaching_sessions` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`coach_id` integer,
	`coach_label` text NOT NULL,
	`held_on` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`follow_up_on` text,
	`agent_confirmed_at` integer,
	`closed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coach_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coaching_sessions_agent` ON `coaching_sessions` (`agent_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `coaching_sessions_tenant_follow_up` ON `coaching_sessions` (`tenant_id`,`follow_up_on`);--> statement-breakpoint
CREATE TABLE `dispute_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`dispute_id` integer NOT NULL,
	`evaluation_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`reason` text NOT NULL,
	`answer_before` text,
	`proposed_answer` text,
	`outcome` text,
	`answer_after` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dispute_id`) REFERENCES `disputes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispute_items_eval_item` ON `dispute_items` (`evaluation_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `dispute_items_dispute` ON `dispute_items` (`dispute_id`);--> statement-breakpoint
CREATE TABLE `disputes` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`evaluation_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_at` integer NOT NULL,
	`resolved_at` integer,
	`resolver_id` integer,
	`resolver_label` text,
	`resolution_reason` text,
	`resulting_revision` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolver_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disputes_tenant_status` ON `disputes` (`tenant_id`,`status`,`opened_at`);--> statement-breakpoint
CREATE INDEX `disputes_eval` ON `disputes` (`evaluation_id`);--> statement-breakpoint
CREATE INDEX `disputes_agent` ON `disputes` (`agent_id`);--> statement-breakpoint
CREATE TABLE `evaluation_acknowledgements` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`evaluation_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_ack_eval_rev` ON `evaluation_acknowledgements` (`evaluation_id`,`revision`);--> statement-breakpoint
CREATE INDEX `evaluation_ack_agent` ON `evaluation_acknowledgements` (`agent_id`);--> statement-breakpoint
CREATE TABLE `self_evaluation_requests` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`call_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`requested_by_id` integer,
	`requested_by_label` text NOT NULL,
	`lead_evaluation_id` integer,
	`self_evaluation_id` integer NOT NULL,
	`message` text,
	`status` text DEFAULT 'open' NOT NULL,
	`requested_at` integer NOT NULL,
	`submitted_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`self_evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `self_eval_requests_call_agent` ON `self_evaluation_requests` (`call_id`,`agent_id`);--> statement-breakpoint
CREATE INDEX `self_eval_requests_agent` ON `self_evaluation_requests` (`agent_id`,`status`);--> statement-breakpoint
CREATE INDEX `self_eval_requests_lead_eval` ON `self_evaluation_requests` (`lead_evaluation_id`);