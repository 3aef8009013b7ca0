/**
 * A charter version as the API shows it (the contracts' `CharterVersionSummary` and
 * `CharterVersionDetail`), made from the repository's row here, so that routes name no row type.
 * Used by the charter routes and by publishing a body (body routes).
 */
import type { CharterVersionDetail, CharterVersionSummary, CorrectionsInput } from '../contracts/charters.ts';
import type { CharterVersionRow, CharterVersionSummaryRow } from '../repositories/charter-version-repository.ts';

/** The summary of a charter version: id, number, text hash, who imported it and when. */
export function toVersionSummary(row: CharterVersionSummaryRow): CharterVersionSummary {
  return { id: row.id, version: row.version, textHash: row.textHash, importedBy: row.importedBy, importedAt: row.importedAt.toISOString() };
}

/** A charter version with its charter JSON, original text, corrections and diff from the previous one. */
export function toVersionDetail(row: CharterVersionRow): CharterVersionDetail {
  return {
    ...toVersionSummary(row),
    charter: row.charter,
    originalText: row.originalText,
    corrections: row.corrections as CorrectionsInput | null,
    diffFromPrevious: row.diffFromPrevious,
  };
}
