CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` integer NOT NULL,
	`kind` text NOT NULL,
	`format` text NOT NULL,
	`mode` text NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`rows_processed` integer DEFAULT 0 NOT NULL,
	`inserted` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`invalid` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`errors` text NOT NULL,
	`message` text,
	`bytes_read` integer,
	`actor` text NOT NULL,
	`actor_user_id` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `imports_tenant_started` ON `imports` (`tenant_id`,`started_at`);