/**
 * Issue 15 point 5: every audit action the sources record has a Chinese (and English) name, and the
 * summary of a row's details reads as Chinese. The sources are read as text (fast: no compiler):
 * every `action:` property with a dotted code literal (also in a ternary), and every template code
 * (`info_report.${…}`) expanded by the values its placeholder can take, listed below. A new
 * template code without an expansion here fails too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideAnnualTaskRequestSchema } from '../../src/contracts/annual-cycle.ts';
import { INCOMING_ROUTINGS } from '../../src/domain/incoming-documents/incoming-status.ts';
import { OFFER_DECISIONS } from '../../src/domain/reports/report-types.ts';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_TYPE_NAMES, actionCodesMatching, auditActionName } from '../../src/services/audit-trail-names.ts';
import { summarizeAuditDetails } from '../../src/services/audit-trail-summary.ts';

const SOURCE = path.resolve(import.meta.dirname, '../../src');

/** The values of each template action code's placeholder: where the code is built from a variable. */
const TEMPLATE_EXPANSIONS: Record<string, readonly string[]> = {
  'info_report.': OFFER_DECISIONS,
  'incoming_document.': INCOMING_ROUTINGS,
  'annual_task.': decideAnnualTaskRequestSchema.shape.decision.options,
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    // The schema and the contracts declare columns and query fields; they record nothing.
    if (statSync(full).isDirectory()) {
      if (!['db', 'contracts'].includes(path.relative(SOURCE, full))) sourceFiles(full, out);
    }
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** The text of a property's value: the rest of its line up to the next property (`, name:`). */
function propertyValue(rest: string): string {
  const next = rest.search(/,\s*[A-Za-z_]+\s*:/);
  return next === -1 ? rest : rest.slice(0, next);
}

/** Every action code the sources write, with a file that writes it; and the template prefixes. */
function recordedActions(): { codes: Map<string, string>; templates: Map<string, string> } {
  const codes = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const file of sourceFiles(SOURCE)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\baction:\s*([^\n]*)/g)) {
      const rest = propertyValue(match[1] ?? '');
      // A type annotation (`action: 'a.b' | 'c.d'`) declares, it does not record.
      if (/^'[^']*'\s*\|/.test(rest)) continue;
      const where = path.relative(SOURCE, file);
      for (const literal of rest.matchAll(/'([a-z][a-z_]*\.[a-z_]+)'/g)) codes.set(literal[1] as string, where);
      for (const template of rest.matchAll(/`([a-z][a-z_]*\.)\$\{/g)) templates.set(template[1] as string, where);
    }
  }
  return { codes, templates };
}

describe('audit action names', () => {
  const { codes, templates } = recordedActions();

  it('finds the recorded actions in the sources', () => {
    // The scan itself works: well-known codes of several areas are found.
    for (const code of ['minutes.sign_off', 'account.create', 'audit.export', 'access.refused', 'decision.approve_extension']) {
      expect(codes.has(code), code).toBe(true);
    }
    expect(codes.size).toBeGreaterThan(80);
  });

  it('names every recorded action in Chinese and English', () => {
    const names = AUDIT_ACTION_NAMES as Record<string, { zh: string; en: string } | undefined>;
    const missing = [...codes].filter(([code]) => names[code] === undefined).map(([code, file]) => `${code} (${file})`);
    expect(missing, 'add these codes to src/services/audit-trail-names.ts').toEqual([]);
    for (const [code] of codes) {
      const name = names[code];
      expect(name?.zh ?? '', code).toMatch(/[\u4e00-\u9fff]/);
      expect(name?.en ?? '', code).toMatch(/^[A-Z]/);
    }
  });

  it('names every value of a template action code, and knows every template', () => {
    const unknown = [...templates].filter(([prefix]) => TEMPLATE_EXPANSIONS[prefix] === undefined).map(([prefix, file]) => `${prefix}\${…} (${file})`);
    expect(unknown, 'list the values of these template codes in TEMPLATE_EXPANSIONS').toEqual([]);
    const names = AUDIT_ACTION_NAMES as Record<string, unknown>;
    const missing = Object.entries(TEMPLATE_EXPANSIONS).flatMap(([prefix, values]) => values.map((value) => `${prefix}${value}`)).filter((code) => names[code] === undefined);
    expect(missing).toEqual([]);
  });

  it('has no name for an action nobody records (a renamed code leaves no stale entry)', () => {
    const expanded = new Set([...codes.keys(), ...Object.entries(TEMPLATE_EXPANSIONS).flatMap(([prefix, values]) => values.map((value) => `${prefix}${value}`))]);
    expect(Object.keys(AUDIT_ACTION_NAMES).filter((code) => !expanded.has(code))).toEqual([]);
  });

  it('names every object type the sources record', () => {
    const types = new Set<string>();
    for (const file of sourceFiles(SOURCE)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bentityType:\s*([^\n]*)/g)) {
        for (const literal of propertyValue(match[1] ?? '').matchAll(/'([a-z][a-z_]*)'/g)) types.add(literal[1] as string);
      }
    }
    expect(types.has('minutes')).toBe(true);
    expect([...types].filter((type) => AUDIT_ENTITY_TYPE_NAMES[type] === undefined)).toEqual([]);
  });

  it('shows an unknown code as it is and finds codes by their Chinese name', () => {
    expect(auditActionName('legacy.thing')).toEqual({ zh: 'legacy.thing', en: 'legacy.thing' });
    expect(actionCodesMatching('签发会议纪要')).toEqual(['minutes.sign_off']);
    expect(actionCodesMatching('sign off minutes')).toContain('minutes.sign_off');
    expect(actionCodesMatching('  ')).toEqual([]);
  });
});

describe('audit detail summary', () => {
  it('lists the named fields that changed, with Chinese values, and leaves out ids and unchanged fields', () => {
    const summary = summarizeAuditDetails(
      { id: 'm1', status: 'draft', title: '第一次全体会议纪要', signedOffBy: null },
      { id: 'm1', status: 'signed_off', title: '第一次全体会议纪要', signedOffBy: 'a1' },
    );
    expect(summary.zh).toBe('状态：草稿 → 已审定签发');
    expect(summary.en).toBe('Status: Draft → Signed off');
  });

  it('shows a creation, a removal, booleans and lists', () => {
    expect(summarizeAuditDetails(null, { username: 'li.si', displayName: '李四', disabled: false }).zh).toBe('账号：li.si；姓名：李四；已停用：否');
    expect(summarizeAuditDetails({ title: '联络员', roleKind: 'liaison' }, null).zh).toBe('删除前：标题：联络员；角色：联络员');
    expect(summarizeAuditDetails(null, { format: 'xlsx', filter: { action: 'x' } }).zh).toBe('格式：Excel');
    expect(summarizeAuditDetails(null, { status: ['a', 'b'] }).en).toBe('Status: a, b');
    expect(summarizeAuditDetails(null, null)).toEqual({ zh: '', en: '' });
    expect(summarizeAuditDetails(null, { reason: 'x'.repeat(500) }).zh.length).toBeLessThanOrEqual(300);
  });
});
