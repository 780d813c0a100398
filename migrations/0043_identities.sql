-- Single sign-on with OpenID Connect (ADR 0043): who a provider's account is here, and the sign-ins under way.

-- A provider's account (its issuer and the subject it names the person by, never the email, which may change) → a
-- person. Made on the first single sign-on: linked to the account with the provider's verified email, or to a new
-- account made from an open invitation for that email (no self-sign-up).
CREATE TABLE identities (
  issuer       TEXT NOT NULL,
  subject      TEXT NOT NULL,
  user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- The verified email the provider gave when the link was made (for the administrator; sign-in goes by subject).
  email        TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_used_at TEXT NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX identities_user ON identities (user_id);

-- A sign-in sent to the provider and not yet back: the SHA-256 of its `state` (the browser holds the value in a
-- cookie too), the `nonce` the ID token must carry, the PKCE verifier and where to go after. Deleted when the
-- callback uses it (once), or after ten minutes.
CREATE TABLE oidc_logins (
  state_hash    TEXT PRIMARY KEY,
  nonce         TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  next_path     TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL
);
CREATE INDEX oidc_logins_expires ON oidc_logins (expires_at);
