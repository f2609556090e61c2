CREATE TABLE `figure_epochs` (
	`program_id` integer NOT NULL,
	`day` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`program_id`, `day`)
);
--> statement-breakpoint
-- The counters of figure_epochs (schema/client-audit.ts) are written here and only here: whoever changes a row
-- the client figures are measured from bumps its program's counter for the row's UTC day, in the same statement.
-- Evaluations count only while submitted (drafts are never measured): a submit, a reopen, an edit or a re-score
-- of a submitted evaluation bumps the day it was (and is) submitted on.
CREATE TRIGGER `figure_epochs_evaluation_insert` AFTER INSERT ON `evaluations` WHEN NEW.status = 'submitted'
BEGIN
  INSERT INTO figure_epochs (program_id, day, n) VALUES (NEW.program_id, cast(coalesce(NEW.submitted_at, 0) / 86400000 AS integer), 1)
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_epochs_evaluation_update` AFTER UPDATE ON `evaluations` WHEN OLD.status = 'submitted' OR NEW.status = 'submitted'
BEGIN
  INSERT INTO figure_epochs (program_id, day, n)
    SELECT OLD.program_id, cast(coalesce(OLD.submitted_at, 0) / 86400000 AS integer), 1 WHERE OLD.status = 'submitted'
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
  INSERT INTO figure_epochs (program_id, day, n)
    SELECT NEW.program_id, cast(coalesce(NEW.submitted_at, 0) / 86400000 AS integer), 1 WHERE NEW.status = 'submitted'
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_epochs_evaluation_delete` AFTER DELETE ON `evaluations` WHEN OLD.status = 'submitted'
BEGIN
  INSERT INTO figure_epochs (program_id, day, n) VALUES (OLD.program_id, cast(coalesce(OLD.submitted_at, 0) / 86400000 AS integer), 1)
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
-- Mystery calls, by the day they were dialled.
CREATE TRIGGER `figure_epochs_mystery_insert` AFTER INSERT ON `mystery_calls`
BEGIN
  INSERT INTO figure_epochs (program_id, day, n) VALUES (NEW.program_id, cast(NEW.dialled_at / 86400000 AS integer), 1)
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_epochs_mystery_update` AFTER UPDATE ON `mystery_calls`
BEGIN
  INSERT INTO figure_epochs (program_id, day, n) VALUES (OLD.program_id, cast(OLD.dialled_at / 86400000 AS integer), 1)
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
  INSERT INTO figure_epochs (program_id, day, n) VALUES (NEW.program_id, cast(NEW.dialled_at / 86400000 AS integer), 1)
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_epochs_mystery_delete` AFTER DELETE ON `mystery_calls`
BEGIN
  INSERT INTO figure_epochs (program_id, day, n) VALUES (OLD.program_id, cast(OLD.dialled_at / 86400000 AS integer), 1)
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
-- A mystery plan's target holds its month's calls to it: the month's first day.
CREATE TRIGGER `figure_epochs_mystery_plan_insert` AFTER INSERT ON `mystery_plans`
BEGIN
  INSERT INTO figure_epochs (program_id, day, n) VALUES (NEW.program_id, cast(julianday(NEW.month || '-01') - 2440587.5 AS integer), 1)
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_epochs_mystery_plan_update` AFTER UPDATE ON `mystery_plans`
BEGIN
  INSERT INTO figure_epochs (program_id, day, n) VALUES (OLD.program_id, cast(julianday(OLD.month || '-01') - 2440587.5 AS integer), 1)
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
  INSERT INTO figure_epochs (program_id, day, n) VALUES (NEW.program_id, cast(julianday(NEW.month || '-01') - 2440587.5 AS integer), 1)
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_epochs_mystery_plan_delete` AFTER DELETE ON `mystery_plans`
BEGIN
  INSERT INTO figure_epochs (program_id, day, n) VALUES (OLD.program_id, cast(julianday(OLD.month || '-01') - 2440587.5 AS integer), 1)
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
-- Survey responses count toward the day of the list they were drawn on (callback_draws.day, a local date).
CREATE TRIGGER `figure_epochs_survey_insert` AFTER INSERT ON `survey_responses`
BEGIN
  INSERT INTO figure_epochs (program_id, day, n)
    SELECT NEW.program_id, coalesce((SELECT cast(julianday(d.day) - 2440587.5 AS integer) FROM callback_items i JOIN callback_draws d ON d.id = i.draw_id WHERE i.id = NEW.item_id), 0), 1 WHERE true
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_epochs_survey_update` AFTER UPDATE ON `survey_responses`
BEGIN
  INSERT INTO figure_epochs (program_id, day, n)
    SELECT OLD.program_id, coalesce((SELECT cast(julianday(d.day) - 2440587.5 AS integer) FROM callback_items i JOIN callback_draws d ON d.id = i.draw_id WHERE i.id = OLD.item_id), 0), 1 WHERE true
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
  INSERT INTO figure_epochs (program_id, day, n)
    SELECT NEW.program_id, coalesce((SELECT cast(julianday(d.day) - 2440587.5 AS integer) FROM callback_items i JOIN callback_draws d ON d.id = i.draw_id WHERE i.id = NEW.item_id), 0), 1 WHERE true
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_epochs_survey_delete` AFTER DELETE ON `survey_responses`
BEGIN
  INSERT INTO figure_epochs (program_id, day, n)
    SELECT OLD.program_id, coalesce((SELECT cast(julianday(d.day) - 2440587.5 AS integer) FROM callback_items i JOIN callback_draws d ON d.id = i.draw_id WHERE i.id = OLD.item_id), 0), 1 WHERE true
    ON CONFLICT (program_id, day) DO UPDATE SET n = n + 1;
END;
