-- 0001 platform: accounts, role grants, sessions, audit trail, outbox, settings.
-- Released migrations are never edited; add a new file instead.

CREATE TABLE accounts (
  id text PRIMARY KEY,
  username text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  -- System administration roles (三员): each account holds at most one of them.
  is_system_admin boolean NOT NULL DEFAULT false,
  is_security_admin boolean NOT NULL DEFAULT false,
  is_audit_admin boolean NOT NULL DEFAULT false,
  -- Link to a person of the bodies part (FK added by the bodies migration).
  person_id text,
  password_changed_at timestamptz,
  last_sign_in_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT accounts_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  CONSTRAINT accounts_separation_of_duties
    CHECK ((is_system_admin::int + is_security_admin::int + is_audit_admin::int) <= 1)
);
CREATE UNIQUE INDEX accounts_username_key ON accounts (username);
CREATE INDEX accounts_person_id_idx ON accounts (person_id);

-- Body-scoped roles granted directly to an account (the other body roles come from memberships).
CREATE TABLE account_body_grants (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  body_id text NOT NULL,
  role text NOT NULL CONSTRAINT account_body_grants_role CHECK (role IN ('office_staff', 'viewer')),
  granted_by text REFERENCES accounts (id),
  granted_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX account_body_grants_unique ON account_body_grants (account_id, body_id, role);
CREATE INDEX account_body_grants_body_idx ON account_body_grants (body_id);

-- Server-side sessions. The cookie carries a random token; only its hash is stored.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  token_hash text NOT NULL,
  account_id text NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ended_at timestamptz,
  end_reason text CONSTRAINT sessions_end_reason
    CHECK (end_reason IS NULL OR end_reason IN ('signed_out', 'idle_timeout', 'absolute_timeout', 'password_changed', 'account_disabled', 'revoked')),
  client_address text,
  user_agent text
);
CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash);
CREATE INDEX sessions_account_idx ON sessions (account_id);

-- Tamper-evident audit trail: rows chained with SM3 (see src/domain/audit).
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_id text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  request_id text,
  client_address text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

-- The head of the chain: one row, locked (SELECT … FOR UPDATE) by every append so that
-- concurrent transactions keep a single chain.
CREATE TABLE audit_chain_head (
  id integer PRIMARY KEY CONSTRAINT audit_chain_head_single CHECK (id = 1),
  last_seq bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Mail and webhooks are written here in the transaction of the change and sent after commit.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  claimed_until timestamptz,
  sent_at timestamptz,
  last_error text
);
CREATE INDEX outbox_pending_idx ON outbox (available_at) WHERE sent_at IS NULL;

-- Runtime settings changed by the system administrator (override the environment defaults).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES accounts (id)
);
