-- 0021 text search (issue 16): trigram indexes (pg_trgm, GIN) for the audit trail's free-text search
-- (ILIKE '%…%' over the details and over the names of actors and objects), so that a search term of
-- three characters or more reaches the matching rows through an index instead of scanning the table.
-- A shorter term has no trigram: it is still answered, by reading the whole index.
-- pg_trgm is a trusted extension (PostgreSQL 13+: the database owner may create it); PGlite loads it
-- from @electric-sql/pglite/contrib/pg_trgm (src/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The audit row's own text, as the search reads it (src/repositories/audit-trail-repository.ts,
-- auditSearchText): details after and before, the object's id and the client address, joined by a
-- unit separator (U+001F), which none of them contains. One index rather than four on the busiest
-- append-only table.
CREATE INDEX audit_log_text_trgm_idx ON audit_log USING gin (
  (coalesce(after::text, '') || E'\x1f' || coalesce(before::text, '') || E'\x1f' || coalesce(entity_id, '') || E'\x1f' || coalesce(client_address, '')) gin_trgm_ops
);

-- The names the search matches actors and objects by (the large tables at national scale)
CREATE INDEX accounts_display_name_trgm_idx ON accounts USING gin (display_name gin_trgm_ops);
CREATE INDEX accounts_username_trgm_idx ON accounts USING gin (username gin_trgm_ops);
CREATE INDEX people_name_trgm_idx ON people USING gin (name gin_trgm_ops);
CREATE INDEX meetings_title_trgm_idx ON meetings USING gin (title gin_trgm_ops);
CREATE INDEX minutes_title_trgm_idx ON minutes USING gin (title gin_trgm_ops);
CREATE INDEX decisions_text_trgm_idx ON decisions USING gin (text gin_trgm_ops);
CREATE INDEX incoming_documents_title_trgm_idx ON incoming_documents USING gin (title gin_trgm_ops);
CREATE INDEX outgoing_documents_title_trgm_idx ON outgoing_documents USING gin (title gin_trgm_ops);
