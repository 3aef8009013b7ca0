-- Bodies: coordination bodies, their versioned charters, the shared unit directory, people,
-- memberships over time, groups and the office. Dates are ISO calendar dates; a membership or
-- a body's member unit holds during [valid_from, valid_to).

CREATE TABLE bodies (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('joint_meeting', 'task_force', 'coordination_group', 'leading_group', 'other')),
  level text CHECK (level IN ('national', 'provincial', 'municipal', 'county')),
  region_code text,
  region_name text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
  sunset_date date,
  dissolved_on date,
  flags jsonb NOT NULL,
  current_charter_version_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bodies_kind_idx ON bodies (kind);
CREATE INDEX bodies_level_idx ON bodies (level);
CREATE INDEX bodies_region_idx ON bodies (region_code);
CREATE INDEX bodies_created_idx ON bodies (created_at, id);

CREATE TABLE charter_versions (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  charter jsonb NOT NULL,
  original_text text NOT NULL,
  text_hash text NOT NULL,
  corrections jsonb,
  imported_by text REFERENCES accounts (id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  diff_from_previous jsonb,
  UNIQUE (body_id, version)
);
CREATE INDEX charter_versions_hash_idx ON charter_versions (text_hash);

ALTER TABLE bodies ADD CONSTRAINT bodies_current_charter_version_fk
  FOREIGN KEY (current_charter_version_id) REFERENCES charter_versions (id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE units (
  id text PRIMARY KEY,
  name text NOT NULL,
  normalized_key text NOT NULL,
  region_code text,
  aliases text[] NOT NULL DEFAULT '{}',
  alias_keys text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT units_key_region_unique UNIQUE NULLS NOT DISTINCT (normalized_key, region_code)
);
CREATE INDEX units_alias_keys_idx ON units USING gin (alias_keys);

CREATE TABLE body_units (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units (id),
  lead boolean NOT NULL DEFAULT false,
  name_in_charter text NOT NULL,
  -- Order of the unit in the charter's list
  position integer NOT NULL DEFAULT 0,
  valid_from date NOT NULL,
  valid_to date,
  source_charter_version_id text REFERENCES charter_versions (id),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX body_units_body_idx ON body_units (body_id);
CREATE INDEX body_units_unit_idx ON body_units (unit_id);

CREATE TABLE people (
  id text PRIMARY KEY,
  name text NOT NULL,
  normalized_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_normalized_name_idx ON people (normalized_name);

CREATE TABLE memberships (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  role_kind text NOT NULL CHECK (role_kind IN ('convener', 'deputy_convener', 'member', 'liaison')),
  title text NOT NULL,
  unit_id text REFERENCES units (id),
  person_id text REFERENCES people (id),
  position text,
  valid_from date NOT NULL,
  valid_to date,
  source_charter_version_id text REFERENCES charter_versions (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Insertion order: a charter's roster keeps its order
  seq bigserial NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX memberships_body_idx ON memberships (body_id, valid_from);
CREATE INDEX memberships_person_idx ON memberships (person_id);
CREATE INDEX memberships_unit_idx ON memberships (unit_id);

CREATE TABLE groups (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('thematic', 'support', 'category')),
  name text NOT NULL,
  duties jsonb NOT NULL DEFAULT '[]',
  position integer NOT NULL DEFAULT 0,
  UNIQUE (body_id, name)
);

CREATE TABLE group_units (
  group_id text NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units (id),
  lead boolean NOT NULL DEFAULT false,
  PRIMARY KEY (group_id, unit_id, lead)
);
CREATE INDEX group_units_unit_idx ON group_units (unit_id);

CREATE TABLE body_office (
  body_id text PRIMARY KEY REFERENCES bodies (id) ON DELETE CASCADE,
  host_unit_id text REFERENCES units (id),
  host_unit_name text,
  director jsonb,
  deputy_directors jsonb NOT NULL DEFAULT '[]',
  duties jsonb NOT NULL DEFAULT '[]'
);

-- Links of the platform tables to the bodies part.
ALTER TABLE accounts ADD CONSTRAINT accounts_person_fk FOREIGN KEY (person_id) REFERENCES people (id);
ALTER TABLE account_body_grants ADD CONSTRAINT account_body_grants_body_fk FOREIGN KEY (body_id) REFERENCES bodies (id);
