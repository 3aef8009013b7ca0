/**
 * 发文字号 and 期数: how a register's number is written, and the default prefix of an issuer that
 * the office has not set one for. Pure.
 */
import type { IssuingName } from './outgoing-types.ts';

/** `某办〔2026〕3号`: the prefix, the year in 六角括号, the serial (GB/T 9704 7.2.4). */
export function formatDocumentNumber(prefix: string, year: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`serial must be a positive integer, got ${serial}`);
  return `${prefix.trim()}〔${year}〕${serial}号`;
}

/**
 * The prefix used until the office sets one: the body's name, and 办公室 after it for the office's
 * register. Shown as a default the office can change.
 */
export function defaultRegisterPrefix(bodyName: string, register: IssuingName): string {
  return register === 'office' ? `${bodyName}办公室` : bodyName;
}

/** The register key of a bulletin series (its 期数 are numbered per series per year). */
export function bulletinRegister(series: string): string {
  return `bulletin:${series}`;
}

/** `2026年第3期` */
export function formatIssueNumber(year: number, issueNumber: number): string {
  return `${year}年第${issueNumber}期`;
}
