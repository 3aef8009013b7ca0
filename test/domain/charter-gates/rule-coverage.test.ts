/**
 * Every rule type the importer can produce takes effect somewhere on purpose: a gate consumes it
 * (its row in the gate table, in the file the row names), another named file consumes it, or it
 * is listed information-only by name with the reason. A new rule type with neither fails here
 * (and in the compiler: RULE_TYPE_COVERAGE is a record over every Rule['type']).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charterSchema } from '../../../src/contracts/charter-schema.ts';
import type { RuleType } from '../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import { CHARTER_GATE_TABLE, GATE_STEPS, RULE_TYPE_COVERAGE } from '../../../src/domain/charter-gates/index.ts';
import { seeds, unseenTexts } from '../charter/seed-files.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** Every rule type the charter contract admits: what the importer may produce and a stored charter may hold. */
const CONTRACT_RULE_TYPES = charterSchema.shape.rules.element.options.map((o) => o.shape.type.value) as RuleType[];

/** The rule types the importer produces from the seeds and the unseen documents. */
function producedRuleTypes(): Set<RuleType> {
  const types = new Set<RuleType>();
  for (const text of [...Object.values(seeds), ...Object.values(unseenTexts())]) {
    const result = importCharter(text);
    if (result.ok) for (const rule of result.charter.rules) types.add(rule.type);
  }
  return types;
}

function source(file: string): string {
  const path = join(ROOT, file);
  expect(existsSync(path), `${file} exists`).toBe(true);
  return readFileSync(path, 'utf8');
}

describe('rule coverage', () => {
  it('lists every rule type of the contract and every one the importer produces', () => {
    const listed = new Set(Object.keys(RULE_TYPE_COVERAGE));
    for (const type of CONTRACT_RULE_TYPES) expect(listed.has(type), `${type} is in RULE_TYPE_COVERAGE`).toBe(true);
    for (const type of producedRuleTypes()) expect(listed.has(type), `${type} is in RULE_TYPE_COVERAGE`).toBe(true);
    for (const type of listed) expect(CONTRACT_RULE_TYPES, `${type} is a rule type of the contract`).toContain(type);
  });

  it('a rule type consumed by a gate is in that gate’s row, and the row’s file reads it', () => {
    for (const [type, coverage] of Object.entries(RULE_TYPE_COVERAGE)) {
      if (coverage.by !== 'gate') continue;
      expect(coverage.steps.length, type).toBeGreaterThan(0);
      for (const step of coverage.steps) {
        const row = CHARTER_GATE_TABLE.find((r) => r.step === step);
        expect(row?.ruleTypes, `${step} consults ${type}`).toContain(type);
        expect(source(row?.file ?? ''), `${row?.file} reads '${type}'`).toContain(`'${type}'`);
      }
    }
  });

  it('a rule type consumed elsewhere is read by the file named', () => {
    for (const [type, coverage] of Object.entries(RULE_TYPE_COVERAGE)) {
      if (coverage.by !== 'elsewhere') continue;
      expect(coverage.use.length, type).toBeGreaterThan(0);
      expect(source(coverage.file), `${coverage.file} reads '${type}'`).toContain(`'${type}'`);
    }
  });

  it('an information-only rule type says why, and no gate claims it', () => {
    const infoOnly = Object.entries(RULE_TYPE_COVERAGE).filter(([, c]) => c.by === 'information_only');
    expect(infoOnly.map(([type]) => type).sort()).toEqual(['decision_tracking']);
    for (const [type, coverage] of infoOnly) {
      expect(coverage.by === 'information_only' && coverage.reason.length, type).toBeGreaterThan(0);
      for (const row of CHARTER_GATE_TABLE) expect(row.ruleTypes, row.step).not.toContain(type);
    }
  });

  it('every step has one row with a default and an enforcing file; every rule type a row consults says so', () => {
    expect(CHARTER_GATE_TABLE.map((r) => r.step)).toEqual([...GATE_STEPS]);
    for (const row of CHARTER_GATE_TABLE) {
      expect(row.default.text.length, row.step).toBeGreaterThan(0);
      expect(existsSync(join(ROOT, row.file)), row.file).toBe(true);
      for (const type of row.ruleTypes) {
        const coverage = RULE_TYPE_COVERAGE[type];
        expect(coverage.by === 'gate' && coverage.steps.includes(row.step), `${type} lists ${row.step}`).toBe(true);
      }
    }
  });
});
