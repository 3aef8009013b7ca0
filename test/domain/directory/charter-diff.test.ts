import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import { diffCharters } from '../../../src/domain/directory/charter-diff.ts';
import { applyCorrections, hasCorrections } from '../../../src/domain/directory/charter-corrections.ts';
import type { CharterCorrections } from '../../../src/domain/directory/charter-corrections.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../fixtures/seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

function seed(file: string): Charter {
  const result = importCharter(readFileSync(path.join(SEEDS, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
  return result.charter;
}

/** A small charter made by hand. */
function charter(): Charter {
  const span = { start: 0, end: 1 };
  return {
    schemaVersion: 1,
    body: { name: '某某联席会议', kind: 'joint_meeting', level: 'provincial', region: { name: '广东省', code: '440000', source: span }, source: span },
    foundingDocument: { title: '关于同意建立某某联席会议制度的函', docNumber: null, docNumberParts: null, issuer: null, issueDate: '2023-03-01', addressees: [], source: span },
    documents: [],
    flags: { noSeal: true, noFormalDocuments: false, notRegisteredBody: false, sources: { noSeal: span, noFormalDocuments: null, notRegisteredBody: null } },
    sunset: null,
    functions: [{ text: '统筹推进工作', source: span }],
    memberUnits: [
      { name: '省商务厅', aliases: [], lead: true, source: span },
      { name: '省财政厅', aliases: [], lead: false, source: span },
    ],
    memberUnitsStated: 2,
    roles: [
      { kind: 'convener', title: '召集人', person: '张三', position: '副省长', unit: null, source: span },
      { kind: 'member', title: '成员', person: null, position: '各成员单位负责同志', unit: null, source: span },
    ],
    office: null,
    liaison: null,
    groups: [{ kind: 'thematic', name: '综合组', leadUnits: ['省商务厅'], memberUnits: [], duties: [], source: span }],
    rules: [{ type: 'meeting_frequency', document: 0, clause: '三、', meetingKind: 'plenary', minPerYear: 1, schedule: null, source: span }],
    findings: [],
    normalizedText: 'x',
    offsetMap: [[0, 0]],
  };
}

describe('diffCharters', () => {
  it('finds nothing between a charter and itself, whatever the spans', () => {
    for (const file of seedFiles) {
      const a = seed(file);
      const b = structuredClone(a);
      b.memberUnits.forEach((u) => (u.source = { start: u.source.start + 5, end: u.source.end + 5 }));
      b.normalizedText = `${b.normalizedText}\n`;
      expect(diffCharters(a, b).unchanged, file).toBe(true);
    }
  });

  it('lists added, removed and changed member units, roles, groups and rules by what identifies them', () => {
    const before = charter();
    const after = charter();
    after.memberUnits = [
      { name: '省 商务厅', aliases: [], lead: false, source: { start: 9, end: 10 } },
      { name: '省科技厅', aliases: [], lead: false, source: { start: 9, end: 10 } },
    ];
    after.roles[0] = { ...before.roles[0]!, person: '李四' };
    after.groups[0] = { ...before.groups[0]!, memberUnits: ['省科技厅'] };
    after.rules[0] = { type: 'meeting_frequency', document: 1, clause: '三、', meetingKind: 'plenary', minPerYear: 2, schedule: null, source: { start: 3, end: 4 } };
    after.flags.noFormalDocuments = true;
    after.sunset = { date: '2026-12-31', text: '2026年底自行撤销', source: { start: 0, end: 1 } };

    const diff = diffCharters(before, after);
    expect(diff.unchanged).toBe(false);
    expect(diff.memberUnits.added.map((a) => a.key)).toEqual(['省科技厅']);
    expect(diff.memberUnits.removed.map((a) => a.key)).toEqual(['省财政厅']);
    expect(diff.memberUnits.changed).toEqual([
      { key: '省商务厅', before: { name: '省商务厅', aliases: [], lead: true }, after: { name: '省 商务厅', aliases: [], lead: false }, fields: ['lead', 'name'] },
    ]);
    expect(diff.roles.added.map((a) => a.key)).toEqual(['convener|召集人|李四']);
    expect(diff.roles.removed.map((a) => a.key)).toEqual(['convener|召集人|张三']);
    expect(diff.groups.changed).toMatchObject([{ key: '综合组', fields: ['memberUnits'] }]);
    // The document index and the span are not a change; the minimum per year is.
    expect(diff.rules.changed).toMatchObject([{ key: 'meeting_frequency|三、|plenary', fields: ['minPerYear'] }]);
    expect(diff.fields).toEqual([
      { field: 'flags.noFormalDocuments', before: false, after: true },
      { field: 'sunset.date', before: null, after: '2026-12-31' },
      { field: 'sunset.text', before: null, after: '2026年底自行撤销' },
    ]);
    expect(diff.functions).toEqual({ added: [], removed: [], changed: [] });
  });

  it('compares two different founding documents', () => {
    const [first, second] = [seed(seedFiles[0]!), seed(seedFiles[1]!)];
    const diff = diffCharters(first, second);
    expect(diff.fields.map((f) => f.field)).toContain('body.name');
    expect(diff.memberUnits.added.length + diff.memberUnits.removed.length).toBeGreaterThan(0);
    const reverse = diffCharters(second, first);
    expect(reverse.memberUnits.added.map((a) => a.key).sort()).toEqual(diff.memberUnits.removed.map((a) => a.key).sort());
  });
});

describe('applyCorrections', () => {
  it('corrects the body, dates, flags and member units and says so in a finding', () => {
    const result = applyCorrections(charter(), {
      body: { name: ' 新名称联席会议 ', kind: 'task_force', regionCode: '440100' },
      issueDate: '2023-04-01',
      sunsetDate: '2026-12-31',
      flags: { notRegisteredBody: true },
      memberUnits: { add: [{ name: '省科技厅', lead: true }], remove: ['省 财政厅'] },
    });
    if (!result.ok) throw new Error(result.problem.code);
    const c = result.charter;
    expect(c.body).toMatchObject({ name: '新名称联席会议', kind: 'task_force', region: { name: '广州市', code: '440100' } });
    expect(c.foundingDocument.issueDate).toBe('2023-04-01');
    expect(c.sunset?.date).toBe('2026-12-31');
    expect(c.flags.notRegisteredBody).toBe(true);
    expect(c.memberUnits.map((u) => [u.name, u.lead])).toEqual([
      ['省商务厅', true],
      ['省科技厅', true],
    ]);
    expect(c.findings).toMatchObject([{ severity: 'info', code: 'corrected' }]);
  });

  it('names the correction at fault', () => {
    const cases: [CharterCorrections, string, string][] = [
      [{ body: { regionCode: '000001' } }, 'corrections.body.regionCode', 'unknown_region'],
      [{ issueDate: '2023-02-30' }, 'corrections.issueDate', 'invalid_date'],
      [{ memberUnits: { remove: ['省教育厅'] } }, 'corrections.memberUnits.remove.0', 'unknown_unit'],
      [{ memberUnits: { add: [{ name: '省商务厅等' }] } }, 'corrections.memberUnits.add.0.name', 'duplicate_unit'],
      [{ body: { name: '  ' } }, 'corrections.body.name', 'empty_name'],
    ];
    for (const [corrections, field, code] of cases) {
      expect(applyCorrections(charter(), corrections)).toEqual({ ok: false, problem: { field, code } });
    }
  });

  it('knows when there is nothing to correct', () => {
    expect(hasCorrections(null)).toBe(false);
    expect(hasCorrections({})).toBe(false);
    expect(hasCorrections({ body: {}, memberUnits: { add: [], remove: [] } })).toBe(false);
    expect(hasCorrections({ flags: { noSeal: false } })).toBe(true);
  });
});
