-- Accounts (issue 12, ADR 0041): workspaces, people and their roles, sessions, API tokens and invitations. Every
-- scenario belongs to a workspace; with accounts off everything lives in the default workspace 'local'.
-- Secrets are never stored: sessions, tokens and invitations are kept as SHA-256 hashes of random 256-bit values, and
-- passwords as scrypt hashes (app/lib/password.server.ts). Times are ISO-8601 text.

CREATE TABLE workspaces (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX workspaces_name ON workspaces (name);

-- No row is seeded (a copy into a new database must start empty): the workspace of a machine without accounts has the
-- id 'local' (every scenario saved before accounts, or with TIERWISE_AUTH=off, carries it), and its row is made when
-- an administrator first names the workspace "Local" (`tierwise admin create-user --workspace Local …`), which hands
-- those scenarios to that workspace's people.

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  -- Lower-cased; unique. A person signs in with it.
  email         TEXT NOT NULL,
  -- NULL for a person who will sign in only through single sign-on (OIDC, later: an identities table).
  password_hash TEXT,
  created_at    TEXT NOT NULL,
  disabled_at   TEXT
);
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE memberships (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role         TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  created_at   TEXT NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- The workspace the person is working in (lists and new scenarios); they may open any of theirs by link.
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  token_hash   TEXT NOT NULL,
  user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- A token acts in one workspace, with its owner's role there at the time of each request.
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE invites (
  token_hash   TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  email        TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  created_by   TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  accepted_at  TEXT,
  revoked_at   TEXT
);
CREATE INDEX invites_workspace ON invites (workspace_id);

ALTER TABLE scenarios ADD COLUMN workspace_id TEXT NOT NULL DEFAULT 'local';
CREATE INDEX scenarios_workspace_updated ON scenarios (workspace_id, updated_at);
