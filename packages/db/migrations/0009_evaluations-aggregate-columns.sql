DROP INDEX `evaluations_tenant_status_time`;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `friendly_score` real;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `oriented_score` real;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `compliance_score` real;--> statement-breakpoint
CREATE INDEX `evaluations_aggregate` ON `evaluations` (`tenant_id`,`status`,`agent_id`,`kind`,`submitted_at`,`program_id`,`failed`,`overall_score`,`friendly_score`,`oriented_score`,`compliance_score`);