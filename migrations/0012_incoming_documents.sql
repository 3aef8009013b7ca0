-- Incoming documents (收文) registered by a body's office, assigned (批办) or forwarded (转办) to a
-- lead unit with co-handling units, with the charter's working-day deadline; the lead unit's reply
-- (办理结果) and the office's closing. "Overdue" is never stored: it is derived from the deadline.

CREATE TABLE incoming_documents (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  -- 来文单位 and 来文字号 (the sender's number, when it has one)
  sending_unit text NOT NULL CHECK (length(sending_unit) > 0),
  sending_number text,
  title text NOT NULL CHECK (length(title) > 0),
  received_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('registered', 'assigned', 'replied', 'closed')),
  -- 批办 (assign) or 转办 (forward), once routed
  routing text CHECK (routing IN ('assign', 'forward')),
  -- The instruction (批示 / 转办意见) given with the routing
  instruction text,
  lead_unit_id text REFERENCES units (id),
  assigned_on date,
  deadline date,
  deadline_provisional boolean NOT NULL DEFAULT false,
  deadline_reasons jsonb NOT NULL DEFAULT '[]',
  -- How the deadline was set: {"kind":"charter_default","days":N,"coHandled":…,"clause":…} | {"kind":"working_days",…} | {"kind":"date"}
  deadline_basis jsonb,
  assigned_by text REFERENCES accounts (id),
  -- 办理结果 of the lead unit
  reply_text text,
  replied_at timestamptz,
  replied_by text REFERENCES accounts (id),
  closed_at timestamptz,
  closed_by text REFERENCES accounts (id),
  close_note text,
  registered_by text REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (status = 'registered' OR (routing IS NOT NULL AND lead_unit_id IS NOT NULL AND deadline IS NOT NULL))
);
CREATE INDEX incoming_documents_body_idx ON incoming_documents (body_id, status, deadline);
CREATE INDEX incoming_documents_lead_unit_idx ON incoming_documents (lead_unit_id, status);

CREATE TABLE incoming_document_co_units (
  document_id text NOT NULL REFERENCES incoming_documents (id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units (id),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (document_id, unit_id)
);
CREATE INDEX incoming_document_co_units_unit_idx ON incoming_document_co_units (unit_id);

CREATE TABLE incoming_document_attachments (
  id text PRIMARY KEY,
  document_id text NOT NULL REFERENCES incoming_documents (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL
);
CREATE INDEX incoming_document_attachments_document_idx ON incoming_document_attachments (document_id);

-- One row per reminder rung sent for a document and deadline: the claim that makes each go out once.
CREATE TABLE incoming_document_reminder_sends (
  document_id text NOT NULL REFERENCES incoming_documents (id) ON DELETE CASCADE,
  rung text NOT NULL CHECK (rung IN ('before', 'due', 'overdue', 'overdue_member', 'overdue_convener')),
  due_date date NOT NULL,
  sent_at timestamptz NOT NULL,
  outbox_id bigint,
  PRIMARY KEY (document_id, rung, due_date)
);
