-- Issue 17 point 7: security alerts for the audit administrator, raised by the security sweep
-- (a broken audit chain, lockouts, administrator actions at night, many refusals from one account).
-- (kind, window_key) is unique: one alert per event and window, however often the sweep runs.
CREATE TABLE security_alerts (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  window_key text NOT NULL,
  detail jsonb NOT NULL,
  raised_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text REFERENCES accounts(id)
);
CREATE UNIQUE INDEX security_alerts_kind_window_key ON security_alerts (kind, window_key);
CREATE INDEX security_alerts_raised_idx ON security_alerts (raised_at);

-- Claims of the security sweep's periodic work (the chain verification once per interval): the
-- first process to insert (name, window_start) does it.
CREATE TABLE security_sweep_claims (
  name text NOT NULL,
  window_start timestamptz NOT NULL,
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (name, window_start)
);

-- How far the security sweep's event scan has read the audit trail, per scan name.
CREATE TABLE security_sweep_cursors (
  name text PRIMARY KEY,
  last_seq bigint NOT NULL,
  updated_at timestamptz NOT NULL
);
