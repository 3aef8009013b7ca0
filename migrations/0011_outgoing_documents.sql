-- Outgoing documents (发文) with the charter's signing chain (审核 → 签发), the issuers' number
-- registers (发文登记: one series per issuer per year, and one per bulletin series per year) and
-- bulletins (简报 / 专报) compiled by the office from adopted information reports and its own text.

-- The prefix of each issuer's 发文字号 (e.g. 某办 in 某办〔2026〕3号), set by the office.
CREATE TABLE document_register_prefixes (
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  register text NOT NULL CHECK (register IN ('body', 'office')),
  prefix text NOT NULL CHECK (length(prefix) > 0),
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES accounts (id),
  PRIMARY KEY (body_id, register)
);

-- The last number taken in a register and year. `register` is 'body', 'office' or 'bulletin:<series>'.
-- Taken with one INSERT … ON CONFLICT … DO UPDATE … RETURNING: concurrent takers queue on the row.
CREATE TABLE document_register_counters (
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  register text NOT NULL CHECK (length(register) > 0),
  year integer NOT NULL,
  last_number integer NOT NULL CHECK (last_number > 0),
  PRIMARY KEY (body_id, register, year)
);

CREATE TABLE outgoing_documents (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('notice', 'circular', 'bulletin', 'letter', 'report')),
  -- In whose name it is issued (the body or its office); a group's paper names the group that asks for it
  issued_in_name_of text NOT NULL CHECK (issued_in_name_of IN ('body', 'office')),
  group_id text REFERENCES groups (id) ON DELETE SET NULL,
  title text NOT NULL CHECK (length(title) > 0),
  content text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('draft', 'awaiting_review', 'awaiting_signature', 'issued')),
  -- Who started it for another workflow, e.g. {"kind":"annual_report","id":"…"}
  source jsonb,
  register text CHECK (register IN ('body', 'office')),
  year integer,
  serial integer,
  doc_number text,
  issued_on date,
  submitted_by text REFERENCES accounts (id),
  submitted_at timestamptz,
  reviewed_by text REFERENCES accounts (id),
  reviewed_as text,
  reviewed_at timestamptz,
  review_comment text,
  signed_by text REFERENCES accounts (id),
  signed_as text,
  signed_at timestamptz,
  created_by text REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (status <> 'issued' OR (doc_number IS NOT NULL AND serial IS NOT NULL AND signed_by IS NOT NULL))
);
CREATE INDEX outgoing_documents_body_idx ON outgoing_documents (body_id, status, created_at);
CREATE UNIQUE INDEX outgoing_documents_number_unique ON outgoing_documents (body_id, register, year, serial);

CREATE TABLE bulletin_issues (
  document_id text PRIMARY KEY REFERENCES outgoing_documents (id) ON DELETE CASCADE,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  -- The series (《…简报》 / 工作专报) as the charter names it, without the title marks
  series text NOT NULL CHECK (length(series) > 0),
  year integer NOT NULL,
  -- 第N期, taken when the issue is signed
  issue_number integer,
  -- 编发单位
  compiled_by text NOT NULL,
  -- [{"title":…,"text":…,"reportId":…|null,"reporterName":…|null}]
  articles jsonb NOT NULL,
  -- 报 (upward) and 送 (sideways) lines at the foot
  report_to jsonb NOT NULL DEFAULT '[]',
  copy_to jsonb NOT NULL DEFAULT '[]',
  -- Who receives it in Lianxi: member units (their members and liaisons) and body roles
  recipient_unit_ids jsonb NOT NULL DEFAULT '[]',
  recipient_roles jsonb NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX bulletin_issues_number_unique ON bulletin_issues (body_id, series, year, issue_number);
