-- Scenarios and their versions. A version holds the input as typed and the plan computed from it; versions are
-- immutable (editing makes a new one), so a plan an executive read is still there, word for word, later.
-- Runs on SQLite and PostgreSQL (see app/models/db.server.ts for the `-- @dialect` parts).
CREATE TABLE scenarios (
  id             TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  latest_version INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE scenario_versions (
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  version     INTEGER NOT NULL CHECK (version >= 1),
  title       TEXT NOT NULL,
  input_json  TEXT NOT NULL,
  plan_json   TEXT NOT NULL,
  -- Key columns of the plan, copied out so the list and compare pages need not parse every plan.
  verdict     TEXT NOT NULL,
  grade       TEXT NOT NULL,
  score       DOUBLE PRECISION NOT NULL,
  tier        INTEGER NOT NULL,
  note        TEXT,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (scenario_id, version)
);

-- @sqlite
CREATE TRIGGER scenario_versions_immutable BEFORE UPDATE ON scenario_versions
BEGIN
  SELECT RAISE(ABORT, 'scenario versions are immutable: save a new version instead');
END;
-- @postgres
CREATE FUNCTION scenario_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'scenario versions are immutable: save a new version instead';
END
$$;
CREATE TRIGGER scenario_versions_immutable BEFORE UPDATE ON scenario_versions
  FOR EACH ROW EXECUTE FUNCTION scenario_versions_immutable();
-- @all

CREATE TABLE share_links (
  token       TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);

CREATE INDEX scenarios_updated ON scenarios (updated_at DESC);
CREATE INDEX share_links_scenario ON share_links (scenario_id);
