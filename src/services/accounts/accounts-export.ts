/**
 * The accounts list as a file for the security administrator (issue 15 point 4): every account the
 * list's filter (search) shows, as XLSX (exceljs) or CSV (UTF-8 with a BOM, so Excel shows Chinese),
 * with its roles, linked person and the body roles held through that person. The export itself is
 * audited (`account.export`). A cell a spreadsheet would read as a formula is made inert.
 */
import ExcelJS from 'exceljs';
import type { Account } from '../../contracts/accounts.ts';
import type { Database } from '../../db/database.ts';
import { inertCellText } from '../../documents/audit-export.ts';
import { BODY_ROLE_LABELS, SYSTEM_ROLE_LABELS } from '../../domain/access/roles.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { listAccountViews } from './account-views.ts';

/** Shanghai wall-clock time of an instant, as YYYY-MM-DD HH:mm. */
function shanghaiTime(iso: string | null): string {
  if (iso === null) return '';
  const at = new Date(iso);
  const minutes = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
  return `${shanghaiDateOf(at)} ${minutes}`;
}

function statusOf(account: Account): string {
  const parts: string[] = [];
  if (account.disabled) parts.push('已停用');
  if (account.lockedUntil !== null) parts.push('已锁定');
  if (account.mustChangePassword) parts.push('须修改密码');
  return parts.length === 0 ? '正常' : parts.join('、');
}

/** Header text, width and cell value of each exported column, in order. */
export const ACCOUNT_EXPORT_COLUMNS: ReadonlyArray<{ header: string; width: number; value: (account: Account) => string }> = [
  { header: '账号', width: 18, value: (a) => a.username },
  { header: '姓名', width: 14, value: (a) => a.displayName },
  { header: '系统角色', width: 12, value: (a) => a.systemRoles.map((r) => SYSTEM_ROLE_LABELS[r]).join('、') },
  { header: '关联人员', width: 12, value: (a) => a.person?.name ?? '' },
  {
    header: '机构职务（经关联人员）',
    width: 48,
    value: (a) => (a.person?.roles ?? []).map((r) => `${r.bodyName}·${r.title}${r.unitName === null ? '' : `（${r.unitName}）`}`).join('；'),
  },
  { header: '机构内授权', width: 40, value: (a) => a.bodyGrants.map((g) => `${g.bodyName}·${BODY_ROLE_LABELS[g.role]}`).join('；') },
  { header: '状态', width: 14, value: statusOf },
  { header: '动态口令', width: 10, value: (a) => (a.secondFactorEnrolled ? '已绑定' : '未绑定') },
  { header: '最近登录（北京时间）', width: 20, value: (a) => shanghaiTime(a.lastSignInAt) },
  { header: '创建时间（北京时间）', width: 20, value: (a) => shanghaiTime(a.createdAt) },
];

function csvField(value: string): string {
  const text = inertCellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The exported file: its bytes and how many accounts it holds. */
export interface AccountsExport {
  body: Buffer;
  count: number;
}

/**
 * Exports every account matching `search` (the list's filter; all accounts without one), ordered by
 * username, as XLSX or CSV, and records the export in the audit trail in one transaction.
 */
export async function exportAccounts(
  db: Database,
  options: { search?: string | undefined; format: 'xlsx' | 'csv'; origin: AuditOrigin },
): Promise<AccountsExport> {
  const { search, format, origin } = options;
  const accounts: Account[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listAccountViews(db, { afterUsername: after, limit: 200, search, now: origin.at });
    accounts.push(...page.items);
    if (page.nextAfter === null) break;
    after = page.nextAfter;
  }
  const rows = accounts.map((account) => ACCOUNT_EXPORT_COLUMNS.map((column) => column.value(account)));
  let body: Buffer;
  if (format === 'csv') {
    const lines = [ACCOUNT_EXPORT_COLUMNS.map((c) => c.header), ...rows].map((fields) => `${fields.map(csvField).join(',')}\r\n`);
    body = Buffer.from(`\uFEFF${lines.join('')}`, 'utf8');
  } else {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('账号', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = ACCOUNT_EXPORT_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map(inertCellText));
    body = Buffer.from(await workbook.xlsx.writeBuffer());
  }
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      ...origin,
      action: 'account.export',
      entityType: 'account',
      entityId: null,
      before: null,
      after: { search: search ?? null, format, count: accounts.length },
    });
  });
  return { body, count: accounts.length };
}
