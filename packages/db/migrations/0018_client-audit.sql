CREATE TABLE `client_rescore_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`rescore_id` integer NOT NULL,
	`evaluation_id` integer NOT NULL,
	`call_id` integer NOT NULL,
	`rank` text NOT NULL,
	`client_evaluation_id` integer,
	`scored_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rescore_id`) REFERENCES `client_rescores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_rescore_items_rescore_evaluation` ON `client_rescore_items` (`rescore_id`,`evaluation_id`);--> statement-breakpoint
CREATE INDEX `client_rescore_items_call` ON `client_rescore_items` (`call_id`,`scored_at`);--> statement-breakpoint
CREATE TABLE `client_rescores` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`program_id` integer,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`share_basis_points` integer NOT NULL,
	`seed` text NOT NULL,
	`population_count` integer NOT NULL,
	`population_hash` text NOT NULL,
	`requested_by_id` integer,
	`requested_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_rescores_client` ON `client_rescores` (`tenant_id`,`client_id`);--> statement-breakpoint
CREATE TABLE `contract_terms` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`version` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`monthly_fee_cents` integer NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`targets` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_terms_program_version` ON `contract_terms` (`program_id`,`version`);--> statement-breakpoint
CREATE INDEX `contract_terms_program_from` ON `contract_terms` (`program_id`,`valid_from`);--> statement-breakpoint
ALTER TABLE `clients` ADD `pseudonymise_agents` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `evaluations_program_aggregate` ON `evaluations` (`program_id`,`status`,`submitted_at`,`kind`,`failed`,`overall_score`,`friendly_score`,`oriented_score`,`compliance_score`,`critical_flags`);