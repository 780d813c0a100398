-- The LLM assist's answers, cached so that planning the same scenario again (the same model, prompt version,
-- provider and text) does not pay twice. Only validated proposals are stored; failures are never cached.
CREATE TABLE llm_cache (
  cache_key         TEXT PRIMARY KEY,            -- sha256 of model, prompt version, response format, provider host, input hash
  model             TEXT NOT NULL,
  prompt_version    TEXT NOT NULL,
  input_hash        TEXT NOT NULL,               -- sha256 of what was sent about the scenario (title, description, locale)
  proposal_json     TEXT NOT NULL,               -- the validated proposal; validated again when read
  prompt_tokens     INTEGER NOT NULL DEFAULT 0,
  completion_tokens INTEGER NOT NULL DEFAULT 0,
  cost_usd          DOUBLE PRECISION,            -- NULL when the model is not in data/llm-prices.json
  hits              INTEGER NOT NULL DEFAULT 0,
  created_at        TEXT NOT NULL,
  last_hit_at       TEXT
);

-- One row per LLM step (a call, a cache hit or a failure): what was spent, per scenario when the caller knows it.
CREATE TABLE llm_calls (
  id                {{serial_pk}},
  scenario_id       TEXT,                        -- no foreign key: the AI step can run before the scenario is saved
  cache_key         TEXT NOT NULL,
  model             TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  cached            INTEGER NOT NULL CHECK (cached IN (0, 1)),
  prompt_tokens     INTEGER NOT NULL DEFAULT 0,
  completion_tokens INTEGER NOT NULL DEFAULT 0,
  cost_usd          DOUBLE PRECISION,
  failure           TEXT,
  created_at        TEXT NOT NULL
);

CREATE INDEX llm_cache_input ON llm_cache (input_hash);
CREATE INDEX llm_calls_scenario ON llm_calls (scenario_id);
