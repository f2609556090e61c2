CREATE TABLE `callback_attempts` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`caller_id` integer,
	`at` integer NOT NULL,
	`outcome` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `callback_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`caller_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `callback_attempts_item` ON `callback_attempts` (`item_id`);--> statement-breakpoint
CREATE INDEX `callback_attempts_caller` ON `callback_attempts` (`tenant_id`,`caller_id`,`at`);--> statement-breakpoint
CREATE TABLE `callback_draws` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`plan_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`template_version_id` integer NOT NULL,
	`day` text NOT NULL,
	`window_start` integer NOT NULL,
	`window_end` integer NOT NULL,
	`seed` text NOT NULL,
	`population_hash` text NOT NULL,
	`population_size` integer NOT NULL,
	`excluded` text NOT NULL,
	`selected_count` integer NOT NULL,
	`trigger` text NOT NULL,
	`requested_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `callback_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_version_id`) REFERENCES `survey_template_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `callback_draws_plan_day` ON `callback_draws` (`plan_id`,`day`);--> statement-breakpoint
CREATE INDEX `callback_draws_program` ON `callback_draws` (`tenant_id`,`program_id`,`day`);--> statement-breakpoint
CREATE TABLE `callback_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`draw_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`call_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`rank` text NOT NULL,
	`channel` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_attempt_at` integer,
	`next_attempt_at` integer NOT NULL,
	`claimed_by` integer,
	`claimed_at` integer,
	`closed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`draw_id`) REFERENCES `callback_draws`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `customer_contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimed_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `callback_items_call` ON `callback_items` (`call_id`);--> statement-breakpoint
CREATE INDEX `callback_items_queue` ON `callback_items` (`tenant_id`,`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `callback_items_draw` ON `callback_items` (`draw_id`);--> statement-breakpoint
CREATE INDEX `callback_items_contact` ON `callback_items` (`contact_id`);--> statement-breakpoint
CREATE TABLE `callback_plans` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`template_id` integer NOT NULL,
	`channel` text DEFAULT 'phone' NOT NULL,
	`daily_count` integer NOT NULL,
	`delay_min_hours` integer DEFAULT 24 NOT NULL,
	`delay_max_hours` integer DEFAULT 72 NOT NULL,
	`quiet_days` integer DEFAULT 90 NOT NULL,
	`max_attempts` integer DEFAULT 3 NOT NULL,
	`retry_minutes` integer DEFAULT 240 NOT NULL,
	`link_valid_hours` integer DEFAULT 72 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `survey_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `callback_plans_program` ON `callback_plans` (`tenant_id`,`program_id`);--> statement-breakpoint
CREATE TABLE `customer_contacts` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`customer_ref` text NOT NULL,
	`phone_cipher` text,
	`email_cipher` text,
	`language` text,
	`opted_out_at` integer,
	`erase_after` integer NOT NULL,
	`erased_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_contacts_ref` ON `customer_contacts` (`tenant_id`,`customer_ref`);--> statement-breakpoint
CREATE INDEX `customer_contacts_erase` ON `customer_contacts` (`erased_at`,`erase_after`);--> statement-breakpoint
CREATE TABLE `survey_alerts` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`response_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`reasons` text NOT NULL,
	`attribution` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`handled_by` text,
	`handled_at` integer,
	`handled_note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`response_id`) REFERENCES `survey_responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_alerts_response` ON `survey_alerts` (`response_id`);--> statement-breakpoint
CREATE INDEX `survey_alerts_status` ON `survey_alerts` (`tenant_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `survey_alerts_agent` ON `survey_alerts` (`agent_id`);--> statement-breakpoint
CREATE TABLE `survey_links` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`sent_via` text NOT NULL,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `callback_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_links_token` ON `survey_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `survey_links_item` ON `survey_links` (`item_id`);--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`call_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`template_version_id` integer NOT NULL,
	`channel` text NOT NULL,
	`caller_id` integer,
	`language` text NOT NULL,
	`answers` text NOT NULL,
	`csat` integer,
	`fcr_solved` integer,
	`fcr_recontact` integer,
	`ces` integer,
	`nps` integer,
	`promise_kept` integer,
	`comment` text,
	`responded_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `callback_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_version_id`) REFERENCES `survey_template_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`caller_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_item` ON `survey_responses` (`item_id`);--> statement-breakpoint
CREATE INDEX `survey_responses_program_time` ON `survey_responses` (`tenant_id`,`program_id`,`responded_at`);--> statement-breakpoint
CREATE INDEX `survey_responses_agent_time` ON `survey_responses` (`tenant_id`,`agent_id`,`responded_at`);--> statement-breakpoint
CREATE TABLE `survey_template_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`template_id` integer NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`intro` text NOT NULL,
	`questions` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `survey_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_template_versions_number` ON `survey_template_versions` (`template_id`,`version`);--> statement-breakpoint
CREATE INDEX `survey_template_versions_tenant` ON `survey_template_versions` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `survey_templates` (
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
CREATE INDEX `survey_templates_program` ON `survey_templates` (`tenant_id`,`program_id`);--> statement-breakpoint
CREATE TRIGGER `survey_template_versions_frozen` BEFORE UPDATE ON `survey_template_versions`
BEGIN
  SELECT RAISE(ABORT, 'survey template versions are never changed: add a version');
END;
--> statement-breakpoint
CREATE TRIGGER `survey_template_versions_kept` BEFORE DELETE ON `survey_template_versions`
BEGIN
  SELECT RAISE(ABORT, 'survey template versions are never deleted: retire the template');
END;
