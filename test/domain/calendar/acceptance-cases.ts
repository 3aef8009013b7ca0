/** Acceptance answers of the working-day calendar (issue #4), shared by the time-zone test. */
export const NATIONAL_ACCEPTANCE: Array<[start: string, n: number, expected: string]> = [
  ['2026-09-28', 7, '2026-10-13'],
  ['2026-02-13', 7, '2026-03-02'],
  ['2026-02-12', 10, '2026-03-04'],
  ['2025-09-26', 10, '2025-10-16'],
  ['2020-09-30', 7, '2020-10-16'],
  ['2009-09-30', 7, '2009-10-16'],
  ['2026-04-16', 7, '2026-04-27'],
];
