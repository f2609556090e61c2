-- 1. Back-fill the per-dimension columns from the cached JSON: rows written before the columns existed
--    (and the demo seeder) left them null, so aggregates counted n = 1 where the JSON had 67 scores.
UPDATE `evaluations` SET
  `friendly_score` = json_extract(`dimension_scores`, '$.customer_friendly'),
  `oriented_score` = json_extract(`dimension_scores`, '$.customer_oriented'),
  `compliance_score` = json_extract(`dimension_scores`, '$.compliance')
WHERE `dimension_scores` IS NOT NULL;
--> statement-breakpoint
-- Empty drafts that never got a cache: what the scoring formula gives for no answers.
UPDATE `evaluations` SET `dimension_scores` = json('{"customer_friendly":null,"customer_oriented":null,"compliance":null}')
WHERE `dimension_scores` IS NULL AND `answers` = '{}';
--> statement-breakpoint
-- 2. A call counts once toward its agent. Where a call has several submitted evaluations of a counting
--    kind, the one a sample item points at (else the first submitted) keeps counting; the others are kept,
--    unchanged, as 'second_opinion' (does not count). Then the database refuses a second one.
WITH `ranked` AS (
  SELECT e.`id`, row_number() OVER (
    PARTITION BY e.`call_id`
    ORDER BY EXISTS (SELECT 1 FROM `sample_items` si WHERE si.`evaluation_id` = e.`id`) DESC, e.`submitted_at`, e.`id`
  ) AS `rn`
  FROM `evaluations` e
  WHERE e.`status` = 'submitted' AND e.`kind` IN ('sampled', 'live', 'mystery') AND e.`call_id` IS NOT NULL
)
UPDATE `evaluations` SET `kind` = 'second_opinion' WHERE `id` IN (SELECT `id` FROM `ranked` WHERE `rn` > 1);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_one_counting_per_call` ON `evaluations` (`call_id`) WHERE status = 'submitted' and kind in ('sampled', 'live', 'mystery') and call_id is not null;
