-- Server timestamps written with a space and no zone ("2026-01-15 23:30:00") are UTC on every machine
-- (src/shared/server-time.ts). Builds before this one read that form as the machine's local time, so a
-- cache holds instants shifted by its machine's offset for them. They are read again from the stored
-- record: SQLite's unixepoch() reads a time without a zone as UTC, as the app now does. Only that form
-- changes (the "T" form without a zone was already read as UTC); a value SQLite cannot read keeps the
-- instant it had. The search index holds no times: nothing to reindex.
UPDATE `recordings`
SET
  `created_at` = iif(
    t.`c` GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]*' AND substr(t.`c`, 17) NOT GLOB '*[Zz+-]*',
    coalesce(CAST(round(unixepoch(t.`c`, 'subsec') * 1000) AS INTEGER), `recordings`.`created_at`),
    `recordings`.`created_at`
  ),
  `updated_at` = iif(
    t.`u` GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]*' AND substr(t.`u`, 17) NOT GLOB '*[Zz+-]*',
    coalesce(CAST(round(unixepoch(t.`u`, 'subsec') * 1000) AS INTEGER), `recordings`.`updated_at`),
    `recordings`.`updated_at`
  )
FROM (
  SELECT `id`, `raw` ->> '$.metadata.created_at' AS `c`, `raw` ->> '$.metadata.updated_at' AS `u`
  FROM `recording_payloads`
) AS t
WHERE t.`id` = `recordings`.`id`
  AND (t.`c` GLOB '????-??-?? *' OR t.`u` GLOB '????-??-?? *');
