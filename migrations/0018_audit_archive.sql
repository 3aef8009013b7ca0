-- 0018 audit retention (issue 17 point 7): audit rows older than the retention period (at least
-- 180 days) are moved to a signed archive file. Each archiving records a checkpoint: the archived
-- range, the chain head hash of its last row and the HMAC-SM3 signature (audit key, kept outside the
-- database) of the archive's manifest. `lianxi audit verify` starts the remaining chain from the
-- latest checkpoint and checks every checkpoint's signature.

CREATE TABLE audit_archive_checkpoints (
  -- 1, 2, 3 … in archiving order
  id bigint PRIMARY KEY,
  first_seq bigint NOT NULL,
  last_seq bigint NOT NULL,
  row_count bigint NOT NULL,
  -- the hash the first archived row chains to (the previous checkpoint's last_hash, or genesis)
  prev_hash text NOT NULL,
  -- the chain head hash (SM3 / HMAC-SM3) of the last archived row
  last_hash text NOT NULL,
  last_hash_version smallint NOT NULL CHECK (last_hash_version IN (1, 2)),
  -- rows that occurred before this instant were archived
  cut_off timestamptz NOT NULL,
  archived_at timestamptz NOT NULL,
  file_name text NOT NULL,
  -- HMAC-SM3 over the manifest (the fields above), with the audit key
  signature text NOT NULL,
  CHECK (first_seq >= 1 AND last_seq >= first_seq AND row_count = last_seq - first_seq + 1)
);
CREATE UNIQUE INDEX audit_archive_checkpoints_first_seq_key ON audit_archive_checkpoints (first_seq);

-- Checkpoints are append-only too (a restore into an empty database only inserts).
CREATE FUNCTION audit_archive_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('lianxi.audit_restore', true), '') = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'audit_archive_checkpoints is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_archive_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_archive_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_archive_checkpoints_append_only();
CREATE TRIGGER audit_archive_checkpoints_no_truncate BEFORE TRUNCATE ON audit_archive_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_archive_checkpoints_append_only();

-- The append-only guard of 0009, with one narrow exception: a DELETE of a row covered by the
-- checkpoint named in the transaction's setting lianxi.audit_archive_checkpoint (set by the
-- archiving service right after inserting that checkpoint). UPDATE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  checkpoint text;
BEGIN
  IF coalesce(current_setting('lianxi.audit_restore', true), '') = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    checkpoint := coalesce(current_setting('lianxi.audit_archive_checkpoint', true), '');
    IF checkpoint ~ '^[0-9]{1,18}$' AND EXISTS (
      SELECT 1 FROM audit_archive_checkpoints c
       WHERE c.id = checkpoint::bigint AND OLD.seq BETWEEN c.first_seq AND c.last_seq
    ) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
