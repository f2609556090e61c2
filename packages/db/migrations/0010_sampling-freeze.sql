-- A published sampling plan version and the facts a run is verified against never change.
CREATE TRIGGER `sampling_plan_versions_frozen` BEFORE UPDATE ON `sampling_plan_versions`
BEGIN SELECT RAISE(ABORT, 'published sampling plan versions are frozen'); END;
--> statement-breakpoint
CREATE TRIGGER `sampling_plan_versions_kept` BEFORE DELETE ON `sampling_plan_versions`
BEGIN SELECT RAISE(ABORT, 'published sampling plan versions are kept'); END;
--> statement-breakpoint
CREATE TRIGGER `sample_runs_frozen` BEFORE UPDATE OF `plan_id`, `plan_version_id`, `program_id`, `purpose`, `seed`, `seed_source`, `period_start`, `period_end`, `filter_snapshot`, `population_hash`, `population_size`, `selected_count`, `created_at` ON `sample_runs`
BEGIN SELECT RAISE(ABORT, 'a sample run is frozen once drawn'); END;
--> statement-breakpoint
CREATE TRIGGER `sample_runs_kept` BEFORE DELETE ON `sample_runs`
BEGIN SELECT RAISE(ABORT, 'sample runs are kept'); END;
