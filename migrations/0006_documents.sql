-- Documents (issue 7): calendar subscription feed tokens. A person subscribes their calendar client
-- to /api/calendar-feeds/<token>.ics; the server keeps only the SM3 hash of the token (as for
-- sessions). Creating a new token revokes the account's previous one; a revoked token answers 404.

CREATE TABLE calendar_feed_tokens (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE UNIQUE INDEX calendar_feed_tokens_hash_unique ON calendar_feed_tokens (token_hash);
-- At most one live token per account.
CREATE UNIQUE INDEX calendar_feed_tokens_live_unique ON calendar_feed_tokens (account_id) WHERE revoked_at IS NULL;
