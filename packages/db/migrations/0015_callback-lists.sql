ALTER TABLE `callback_draws` ADD `snapshot` text;
--> statement-breakpoint
-- A day's callback list is frozen once drawn: what was drawn, from what, and why others were left out.
CREATE TRIGGER `callback_draws_frozen` BEFORE UPDATE ON `callback_draws`
BEGIN SELECT RAISE(ABORT, 'a callback draw is frozen once drawn'); END;
--> statement-breakpoint
CREATE TRIGGER `callback_draws_kept` BEFORE DELETE ON `callback_draws`
BEGIN SELECT RAISE(ABORT, 'callback draws are kept'); END;
--> statement-breakpoint
-- An item's status moves on (attempts, answers, expiry); which call it is, in which draw, at which rank (what verifying compares), never.
CREATE TRIGGER `callback_items_drawn_frozen` BEFORE UPDATE OF `draw_id`, `call_id`, `rank` ON `callback_items`
BEGIN SELECT RAISE(ABORT, 'a drawn callback item keeps its draw, call and rank'); END;
