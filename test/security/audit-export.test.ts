/**
 * Issue 17 point 7 (a): the audit administrator exports the audit trail as CSV (UTF-8 with BOM) or
 * XLSX with the audit list's filters; the export is read in keyset pages, is itself audited, and
 * nobody else may export.
 */
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { AUDIT_EXPORT_COLUMNS, inertCellText } from '../../src/documents/audit-export.ts';
import { verifyAudit } from '../../src/services/audit-service.ts';
import { exportAuditTrail, listAuditTrail } from '../../src/services/audit-trail-service.ts';
import { describeDatabases } from '../integration/harness.ts';
import { parseCsv } from '../integration/csv-reader.ts';


/** The index of an exported column by its header. */
const column = (header: string) => AUDIT_EXPORT_COLUMNS.findIndex((entry) => entry.header === header);

describeDatabases('security: audit export', (t) => {
  it('exports the filtered trail as CSV with a BOM, newest first, and audits the export', async () => {
    const app = await t.app();
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const cookie = await t.signIn(auditor);
    const created = [];
    for (let i = 0; i < 4; i++) created.push(await t.createAccount({ displayName: `张三,"引号"${i}` }));
    const response = await app.inject({ method: 'GET', url: '/api/audit/export?format=csv&action=account.create', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(response.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('审计记录-')}`);
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(records[0]).toEqual(AUDIT_EXPORT_COLUMNS.map((column) => column.header));
    const listed = await listAuditTrail(t.db, { query: { action: 'account.create' }, limit: 200 });
    expect(records.slice(1).map((record) => Number(record[0]))).toEqual(listed.items.map((item) => item.seq));
    expect(records.slice(1).every((record) => record[column('操作代码')] === 'account.create')).toBe(true);
    const newest = records[1] as string[];
    expect(newest[column('对象标识')]).toBe(created[3]?.id);
    expect(newest[column('变更后')]).toContain('张三,\\"引号\\"3');
    expect(newest[column('哈希')]).toBe(listed.items[0]?.hash);

    const [exportRow] = await t.sql<{ actor_id: string; after: { format: string; filter: { action: string } } }>(
      "SELECT actor_id, after FROM audit_log WHERE action = 'audit.export' ORDER BY seq DESC LIMIT 1",
    );
    expect(exportRow?.actor_id).toBe(auditor.id);
    expect(exportRow?.after.format).toBe('csv');
    expect(exportRow?.after.filter.action).toBe('account.create');
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('exports XLSX with the same rows and Chinese text intact', async () => {
    const app = await t.app();
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const cookie = await t.signIn(auditor);
    await t.createAccount({ displayName: '李四' });
    const response = await app.inject({ method: 'GET', url: '/api/audit/export?format=xlsx&action=account.create', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计记录');
    expect(sheet).toBeDefined();
    const headerRow = sheet?.getRow(1).values as unknown[];
    expect(headerRow.slice(1)).toEqual(AUDIT_EXPORT_COLUMNS.map((column) => column.header));
    const listed = await listAuditTrail(t.db, { query: { action: 'account.create' }, limit: 200 });
    expect((sheet?.rowCount ?? 0) - 1).toBe(listed.items.length);
    expect(String(sheet?.getRow(2).getCell(column('变更后') + 1).value)).toContain('李四');
  });

  it('reads the trail in keyset pages that together give the whole filtered list', async () => {
    for (let i = 0; i < 7; i++) await t.createAccount();
    const exported = [];
    for await (const row of exportAuditTrail(t.db, { query: {}, pageSize: 3 })) exported.push(row.seq);
    const listed = await listAuditTrail(t.db, { query: {}, limit: 200 });
    expect(listed.total).toBeLessThanOrEqual(200);
    expect(exported).toEqual(listed.items.map((item) => item.seq));
  });

  it('refuses the export to everyone but the audit administrator, and rejects an unknown format', async () => {
    const app = await t.app();
    for (const systemRoles of [[], ['system_admin'], ['security_admin']] as const) {
      const account = await t.createAccount({ systemRoles: [...systemRoles] });
      const cookie = await t.signIn(account);
      expect((await app.inject({ method: 'GET', url: '/api/audit/export?format=csv', headers: { cookie } })).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/api/audit/export?format=csv' })).statusCode).toBe(401);
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const cookie = await t.signIn(auditor);
    expect((await app.inject({ method: 'GET', url: '/api/audit/export?format=pdf', headers: { cookie } })).statusCode).toBe(400);
  });

  it('makes cells a spreadsheet would evaluate inert', () => {
    expect(inertCellText('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(inertCellText('+1')).toBe("'+1");
    expect(inertCellText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(inertCellText('张三')).toBe('张三');
  });
});
