-- 0009 audit hardening (issue 19): every audit row records its result; rows written from this
-- migration on are keyed (HMAC-SM3, key outside the database: hash_version 2); the trail is
-- append-only; calendar feed tokens end with the account's disablement, password reset and role loss.

ALTER TABLE audit_log ADD COLUMN result text NOT NULL DEFAULT 'success' CHECK (result IN ('success', 'failure'));
-- 1: SM3 chain without a key (rows written before 0009); 2: HMAC-SM3 with the configured key.
ALTER TABLE audit_log ADD COLUMN hash_version smallint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));

-- Append-only guard: no UPDATE, DELETE or TRUNCATE of the trail. Restoring a backup into an empty
-- database sets lianxi.audit_restore for its transaction (it only inserts).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('lianxi.audit_restore', true), '') = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Feed tokens end with the account: disabled, password set or reset, an administrator duty removed.
CREATE FUNCTION calendar_feed_tokens_end_with_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.disabled AND NOT OLD.disabled)
     OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
     OR (OLD.is_system_admin AND NOT NEW.is_system_admin)
     OR (OLD.is_security_admin AND NOT NEW.is_security_admin)
     OR (OLD.is_audit_admin AND NOT NEW.is_audit_admin) THEN
    UPDATE calendar_feed_tokens SET revoked_at = NEW.updated_at
     WHERE account_id = NEW.id AND revoked_at IS NULL;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER accounts_end_feed_tokens AFTER UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION calendar_feed_tokens_end_with_account();

-- A body role taken away ends the feed token too (the role's meetings leave the feed).
CREATE FUNCTION calendar_feed_tokens_end_with_grant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE calendar_feed_tokens SET revoked_at = now()
   WHERE account_id = OLD.account_id AND revoked_at IS NULL;
  RETURN OLD;
END;
$$;
CREATE TRIGGER account_body_grants_end_feed_tokens AFTER DELETE ON account_body_grants
  FOR EACH ROW EXECUTE FUNCTION calendar_feed_tokens_end_with_grant();

-- Failed sign-ins under names that have no account are counted and locked like an account's, so
-- the answers (401, then 423 account_locked) do not tell which names exist.
CREATE TABLE sign_in_attempts (
  username text PRIMARY KEY,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL
);

-- An administrator account created or re-enabled through the application waits for the duty
-- concerned (an administrator of the same duty) to activate it before it can sign in.
ALTER TABLE accounts ADD COLUMN activation_pending boolean NOT NULL DEFAULT false;
