-- Shared state that must survive a restart and be the same for every app server (issue 12): who did what to which
-- scenario, the counters behind rate limits, and the first answer to each Idempotency-Key.

CREATE TABLE audit_events (
  id           {{serial_pk}},
  workspace_id TEXT NOT NULL,
  scenario_id  TEXT,
  -- NULL for the person at a machine without accounts, and for a reader of a share link.
  user_id      TEXT,
  -- What the page shows for the actor: an email, "local", "share link", "token: <name> (<email>)".
  actor        TEXT NOT NULL,
  -- created | edited | shared | revoked | exported | (workspace events: invited, joined, role-changed, removed,
  -- token-created, token-revoked)
  action       TEXT NOT NULL,
  -- JSON text: the version, the format, the share token's first characters… never a secret.
  detail       TEXT,
  at           TEXT NOT NULL
);
CREATE INDEX audit_events_scenario ON audit_events (scenario_id, id);
CREATE INDEX audit_events_workspace ON audit_events (workspace_id, id);

-- Fixed-window counters: one row per (limit, who, window); a request adds one with a single upsert and is refused
-- past the limit. Rows past their window are deleted now and then.
CREATE TABLE rate_limits (
  bucket     TEXT PRIMARY KEY,
  count      INTEGER NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX rate_limits_expires ON rate_limits (expires_at);

-- The first answer to a POST carrying an Idempotency-Key, per caller and route, kept for a day: a retried request
-- gets the same answer and writes nothing again.
CREATE TABLE idempotency_keys (
  scope        TEXT NOT NULL,
  idem_key     TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  -- The id of the row the first request created: later statements of the same save write only if it is theirs.
  claim        TEXT NOT NULL,
  status       INTEGER NOT NULL,
  body         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  expires_at   BIGINT NOT NULL,
  PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_keys_expires ON idempotency_keys (expires_at);
