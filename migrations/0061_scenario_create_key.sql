-- The one-time token of the form that created a scenario (issue 11 item 6: Back, then submitting the new-scenario form
-- again, must not silently create a duplicate). Unique: a second create with the same token inserts nothing and is
-- told which scenario the first one made. NULL for scenarios made without one (API, CLI, copies); cleared on delete
-- so the same form can make a new one after the first was thrown away.
ALTER TABLE scenarios ADD COLUMN create_key TEXT;
CREATE UNIQUE INDEX scenarios_create_key ON scenarios (create_key);
