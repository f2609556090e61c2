-- A published scorecard version is frozen: evaluations made on it must keep meaning what they meant.
CREATE TRIGGER `scorecard_versions_frozen_update` BEFORE UPDATE ON `scorecard_versions`
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'scorecard version is published and frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `scorecard_versions_frozen_delete` BEFORE DELETE ON `scorecard_versions`
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'scorecard version is published and frozen');
END;
