-- Managing scenarios in a workshop (issue 11 item 6): archive, delete with undo, rename, what-if copies and tags.
-- Runs on SQLite and PostgreSQL (the portable subset of ADR 0050).

-- Hidden from the list by default, still open by link.
ALTER TABLE scenarios ADD COLUMN archived_at TEXT;
-- In the trash: gone from every page, API and share link; restorable until it is purged (30 days later).
ALTER TABLE scenarios ADD COLUMN deleted_at TEXT;
-- 1 once someone renamed it: later versions keep that title instead of taking their plan's.
ALTER TABLE scenarios ADD COLUMN title_custom INTEGER NOT NULL DEFAULT 0;
-- A what-if copy: the scenario and version it was made from (no foreign key: the origin may be purged before it).
ALTER TABLE scenarios ADD COLUMN origin_id TEXT;
ALTER TABLE scenarios ADD COLUMN origin_version INTEGER;

CREATE INDEX scenarios_deleted ON scenarios (deleted_at);

-- Free tags per scenario. `tag` as typed (first spelling kept); `tag_key` lower-cased by the app, for matching.
CREATE TABLE scenario_tags (
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  tag         TEXT NOT NULL,
  tag_key     TEXT NOT NULL,
  PRIMARY KEY (scenario_id, tag_key)
);
CREATE INDEX scenario_tags_key ON scenario_tags (tag_key);
