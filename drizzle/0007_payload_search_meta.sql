-- Participants' names move into search_meta (written by extract.ts) as each recording is next stored;
-- customer and agent are read from the JSON by the 0008 view.
ALTER TABLE `recording_payloads` DROP COLUMN `search_people`;