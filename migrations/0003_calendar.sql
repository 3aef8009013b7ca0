-- Working-day calendar: holiday notices an administrator has reviewed and applied (issue 4).
-- The national snapshot and the regional rules ship with the code; a loaded notice overrides them
-- for its scope and year. A newer notice for the same scope and year supersedes the current one;
-- superseded rows stay as history.

CREATE TABLE calendar_notices (
  id text PRIMARY KEY,
  -- 'national' or the GB/T 2260 code of the region the notice applies to
  scope text NOT NULL CHECK (scope = 'national' OR scope ~ '^[0-9]{6}$'),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  title text NOT NULL,
  doc_number text,
  -- ISO dates read from the notice
  holidays jsonb NOT NULL,
  make_up_working_days jsonb NOT NULL,
  -- festival name per ISO date
  festivals jsonb NOT NULL,
  -- findings of the parser and the sanity check at the time of applying
  findings jsonb NOT NULL,
  original_text text NOT NULL,
  text_hash text NOT NULL,
  loaded_by text REFERENCES accounts (id),
  loaded_at timestamptz NOT NULL,
  superseded_at timestamptz,
  -- deferrable: a restore copies rows in key order, a row may name a later one
  superseded_by text REFERENCES calendar_notices (id) DEFERRABLE INITIALLY DEFERRED
);
-- At most one notice in force per scope and year.
CREATE UNIQUE INDEX calendar_notices_current_idx ON calendar_notices (scope, year) WHERE superseded_at IS NULL;
CREATE INDEX calendar_notices_scope_year_idx ON calendar_notices (scope, year, loaded_at);
