-- 0016 等保 level 3 (issue 17): administrators hold no business role (三员分立, enforced in the
-- database as well as in the services), password history, second factor (TOTP) and recovery codes.

-- An administrator account holds no body role: no direct grant, and no linked person who holds (or
-- held) a membership. Each side of the pair is checked when it changes.
CREATE FUNCTION administrator_business_role_refused() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'accounts' THEN
    IF (NEW.is_system_admin OR NEW.is_security_admin OR NEW.is_audit_admin)
       AND (EXISTS (SELECT 1 FROM account_body_grants g WHERE g.account_id = NEW.id)
            OR (NEW.person_id IS NOT NULL AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = NEW.person_id))) THEN
      RAISE EXCEPTION 'administrator account % would hold a business role', NEW.id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'administrator_no_business_role';
    END IF;
  ELSIF TG_TABLE_NAME = 'account_body_grants' THEN
    IF EXISTS (SELECT 1 FROM accounts a WHERE a.id = NEW.account_id
               AND (a.is_system_admin OR a.is_security_admin OR a.is_audit_admin)) THEN
      RAISE EXCEPTION 'administrator account % cannot be granted a body role', NEW.account_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'administrator_no_business_role';
    END IF;
  ELSIF TG_TABLE_NAME = 'memberships' THEN
    IF NEW.person_id IS NOT NULL AND EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = NEW.person_id
               AND (a.is_system_admin OR a.is_security_admin OR a.is_audit_admin)) THEN
      RAISE EXCEPTION 'person % is linked to an administrator account', NEW.person_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'administrator_no_business_role';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER accounts_administrator_no_business_role
  BEFORE INSERT OR UPDATE OF is_system_admin, is_security_admin, is_audit_admin, person_id ON accounts
  FOR EACH ROW EXECUTE FUNCTION administrator_business_role_refused();
CREATE TRIGGER account_body_grants_administrator_no_business_role
  BEFORE INSERT OR UPDATE ON account_body_grants
  FOR EACH ROW EXECUTE FUNCTION administrator_business_role_refused();
CREATE TRIGGER memberships_administrator_no_business_role
  BEFORE INSERT OR UPDATE OF person_id ON memberships
  FOR EACH ROW EXECUTE FUNCTION administrator_business_role_refused();

-- The password hashes an account used before (argon2id), newest first: no reuse of the last N.
CREATE TABLE password_history (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  password_hash text NOT NULL,
  replaced_at timestamptz NOT NULL
);
CREATE INDEX password_history_account_idx ON password_history (account_id, id);

-- Second factor (TOTP, RFC 6238): the secret SM4-encrypted with a key derived from the audit key
-- (outside the database); set while enrolling, enabled once a code confirms it; the last time step
-- used (a code is accepted once). Recovery codes are kept only as keyed hashes.
ALTER TABLE accounts ADD COLUMN totp_secret text;
ALTER TABLE accounts ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE accounts ADD COLUMN totp_last_step bigint;
CREATE TABLE recovery_codes (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id),
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX recovery_codes_account_idx ON recovery_codes (account_id);
