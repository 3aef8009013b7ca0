import { describe, expect, it } from 'vitest';
import type { Charter, Role } from '../../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../../src/domain/charter/import-charter.ts';
import { stripAlias } from '../../../../src/domain/charter/extract/unit-list.ts';
import { seed } from '../seed-files.ts';

function charterOf(prefix: string): Charter {
  const result = importCharter(seed(prefix));
  if (!result.ok) throw new Error(result.error.message);
  return result.charter;
}

const fold = (s: string): string => s.replace(/[\s\u3000]+/gu, '');

/** Every composition span, sliced out of the normalized text, holds what was extracted from it. */
function expectSpansHold(c: Charter): void {
  const slice = (s: { start: number; end: number }): string => fold(c.normalizedText.slice(s.start, s.end));
  for (const u of c.memberUnits) {
    const written = stripAlias(slice(u.source)).name;
    expect(written.length, u.name).toBeGreaterThan(1);
    expect(u.name.endsWith(written) || written.includes(u.name), `${u.name} ← ${written}`).toBe(true);
  }
  for (const r of c.roles) {
    if (r.person) expect(slice(r.source)).toContain(r.person);
    if (r.position && r.person) expect(slice(r.source)).toContain(fold(r.position));
  }
  if (c.office) {
    const s = slice(c.office.source);
    if (c.office.hostUnit) expect(s).toContain(c.office.hostUnit);
    for (const p of [c.office.director, ...c.office.deputyDirectors]) {
      if (!p?.unit) continue;
      const written = slice(p.source);
      expect(p.unit.endsWith(stripAlias(written).name) || written.includes(p.unit), `${p.unit} ← ${written}`).toBe(true);
    }
  }
  if (c.liaison) expect(slice(c.liaison.source)).toContain(c.liaison.position.replace(/^成员单位.+的联络员$/u, '联络员'));
  for (const g of c.groups) expect(slice(g.source)).toContain(g.name);
}

const byKind = (roles: Role[], kind: Role['kind']): Role[] => roles.filter((r) => r.kind === kind);

describe('composition of seed 000 (provincial joint meeting, Traditional text)', () => {
  const c = charterOf('000');
  it('finds the 35 stated member units with the carried-over prefix restored', () => {
    expect(c.memberUnitsStated).toBe(35);
    expect(c.memberUnits).toHaveLength(35);
    const names = c.memberUnits.map((u) => u.name);
    expect(names).toContain('省委外办');
    expect(names).toContain('省教育厅');
    expect(names).toContain('海关总署广东分署');
    expect(names).toContain('省税务局');
    expect(names).not.toContain('省海关总署广东分署');
    expect(new Set(names).size).toBe(names.length);
  });
  it('marks the lead unit and keeps the alias in parentheses', () => {
    expect(c.memberUnits.filter((u) => u.lead).map((u) => u.name)).toEqual(['省商务厅']);
    const pboc = c.memberUnits.find((u) => u.name === '人民银行广州分行');
    expect(pboc?.aliases).toEqual(['外汇管理局广东省分局']);
  });
  it('gives positional convener and deputy conveners without persons', () => {
    const conveners = byKind(c.roles, 'convener');
    expect(conveners).toHaveLength(1);
    expect(conveners[0]).toMatchObject({ title: '召集人', person: null, position: '省政府分管商务工作的领导同志' });
    const deputies = byKind(c.roles, 'deputy_convener');
    expect(deputies.map((d) => d.position)).toEqual(['省政府协调商务工作的副秘书长', '省商务厅主要负责同志']);
    expect(deputies[1]?.unit).toBe('省商务厅');
  });
  it('finds the office host, its director, and the liaison', () => {
    expect(c.office?.hostUnit).toBe('省商务厅');
    expect(c.office?.director).toMatchObject({ position: '省商务厅分管负责同志', unit: '省商务厅' });
    expect(c.liaison?.position).toBe('处室负责同志');
  });
  it('has spans that hold what was extracted', () => expectSpansHold(c));
});

describe('composition of seed 001 (provincial task force with categories)', () => {
  const c = charterOf('001');
  it('finds the 39 member units of the general list (no stated count)', () => {
    expect(c.memberUnitsStated).toBeNull();
    expect(c.memberUnits).toHaveLength(39);
    const names = c.memberUnits.map((u) => u.name);
    expect(names).toContain('省委网信办');
    expect(names).toContain('省通信管理局');
    expect(names).toContain('民航中南地区管理局');
    expect(names).toContain('省机场集团');
    expect(names).not.toContain('省广州海关');
  });
  it('finds nine categories, each with lead and member units', () => {
    const categories = c.groups.filter((g) => g.kind === 'category');
    expect(categories).toHaveLength(9);
    for (const g of categories) {
      expect(g.leadUnits.length).toBeGreaterThan(0);
      expect(g.memberUnits.length).toBeGreaterThan(0);
    }
    expect(categories[0]).toMatchObject({ name: '科技领域类开放事项', leadUnits: ['省科技厅', '省商务厅'] });
    expect(c.findings.some((f) => f.code === 'group_count_mismatch')).toBe(false);
  });
  it('reports the unit that is both lead and member of category (四)', () => {
    const data = c.groups[3];
    expect(data?.leadUnits).toContain('省政务服务数据管理局');
    const f = c.findings.filter((x) => x.code === 'unit_lead_and_member');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('省政务服务数据管理局');
    expect(f[0]?.message).toContain(data?.name);
    expect(f[0]?.severity).toBe('warning');
  });
  it('gives the positional convener and two deputy conveners', () => {
    expect(byKind(c.roles, 'convener').map((r) => r.position)).toEqual(['省政府分管商务工作的副省长']);
    const deputies = byKind(c.roles, 'deputy_convener');
    expect(deputies.map((r) => r.position)).toEqual(['省政府协调商务工作的副秘书长', '省商务厅厅长']);
    expect(deputies[1]?.unit).toBe('省商务厅');
    expect(c.roles.every((r) => r.person === null)).toBe(true);
  });
  it('finds office and liaison', () => {
    expect(c.office?.hostUnit).toBe('省商务厅');
    expect(c.liaison?.position).toBe('处级干部');
  });
  it('has spans that hold what was extracted', () => expectSpansHold(c));
});

describe('composition of seed 002 (national joint meeting with a named roster)', () => {
  const c = charterOf('002');
  it('finds the 30 stated member units and the lead', () => {
    expect(c.memberUnitsStated).toBe(30);
    expect(c.memberUnits).toHaveLength(30);
    expect(c.memberUnits.filter((u) => u.lead).map((u) => u.name)).toEqual(['商务部']);
  });
  it('takes the roster: 1 convener, 3 deputy conveners, 30 members each linked to one member unit', () => {
    const conveners = byKind(c.roles, 'convener');
    expect(conveners).toHaveLength(1);
    expect(conveners[0]).toMatchObject({ title: '召集人', position: '国务院副总理' });
    expect(conveners[0]?.person).toMatch(/^[\u4e00-\u9fff]{2,4}$/u);
    const deputies = byKind(c.roles, 'deputy_convener');
    expect(deputies).toHaveLength(3);
    expect(deputies.every((d) => d.person !== null)).toBe(true);
    expect(deputies.map((d) => d.person)).toContain('钟山');
    const members = byKind(c.roles, 'member');
    expect(members).toHaveLength(30);
    const unitNames = new Set(c.memberUnits.map((u) => u.name));
    for (const m of members) expect(unitNames.has(m.unit ?? ''), `${m.person} ${m.position}`).toBe(true);
    expect(new Set(members.map((m) => m.unit)).size).toBe(30);
    expect(members.find((m) => m.person === '任鸿斌')?.unit).toBe('商务部');
    expect(members.find((m) => m.person === '王晓峰')?.unit).toBe('文化和旅游部');
    expect(members.find((m) => m.position === '中央宣传部副部长')?.unit).toBe('中央宣传部');
  });
  it('does not duplicate the roster with positional roles', () => {
    expect(c.roles.filter((r) => r.person === null)).toHaveLength(0);
  });
  it('finds the office with a director and six deputy directors, and the liaison', () => {
    expect(c.office?.hostUnit).toBe('商务部');
    expect(c.office?.director).toMatchObject({ position: '商务部主要负责同志', unit: '商务部' });
    expect(c.office?.deputyDirectors.map((d) => d.unit)).toEqual(['商务部', '发展改革委', '工业和信息化部', '财政部', '海关总署', '税务总局']);
    expect(c.liaison?.position).toBe('司局负责同志');
  });
  it('has spans that hold what was extracted', () => expectSpansHold(c));
});

describe('composition of seed 003 (municipal joint meeting, 组长 roster glued to posts)', () => {
  const c = charterOf('003');
  it('splits names glued to their posts and keeps the document titles', () => {
    expect(byKind(c.roles, 'convener')).toEqual([expect.objectContaining({ title: '组长', person: '粟增林', position: '常务副市长' })]);
    expect(byKind(c.roles, 'deputy_convener')).toEqual([expect.objectContaining({ title: '副组长', person: '赵仲华', position: '市政府副秘书长' })]);
    const members = byKind(c.roles, 'member');
    expect(members).toHaveLength(8);
    expect(members.every((m) => m.unit !== null)).toBe(true);
    expect(members.find((m) => m.person === '黄声奎')?.unit).toBe('市政府办');
    expect(members.find((m) => m.person === '唐伟')).toMatchObject({ position: '市财政局局长助理', unit: '市财政局' });
  });
  it('takes member units from the roster and the per-unit duties, deduplicated', () => {
    const names = c.memberUnits.map((u) => u.name);
    for (const m of byKind(c.roles, 'member')) expect(names).toContain(m.unit);
    expect(names).toContain('市编办');
    expect(c.memberUnits.find((u) => u.name === '市政府办')?.aliases).toContain('市政府办公室');
    expect(new Set(names).size).toBe(names.length);
  });
  it('finds the office at the service centre with 1 director and 4 deputies, and its duties', () => {
    expect(c.office?.hostUnit).toBe('市政务服务中心');
    expect(c.office?.director?.unit).toBe('市政务服务中心管理办公室');
    expect(c.office?.deputyDirectors.map((d) => d.unit)).toEqual(['市政府办', '市监察局', '市法制办', '市投资促进局']);
    expect(c.office?.duties.length).toBe(8);
    expect(c.office?.duties[0]).toBe('执行联席会议的各项决议');
    expect(c.findings.some((f) => f.code === 'office_deputy_count_mismatch')).toBe(false);
  });
  it('finds the liaison: one 科长 per unit', () => {
    expect(c.liaison).toMatchObject({ position: '科长', perUnit: 1 });
  });
  it('has spans that hold what was extracted', () => expectSpansHold(c));
});

describe('composition of seed 004 (county-level coordination group, three documents)', () => {
  const c = charterOf('004');
  it('finds 6 thematic and 3 support groups, each with duties', () => {
    const thematic = c.groups.filter((g) => g.kind === 'thematic');
    const support = c.groups.filter((g) => g.kind === 'support');
    expect(thematic).toHaveLength(6);
    expect(support.map((g) => g.name)).toEqual(['综合组', '法治组', '督查组']);
    expect(thematic.map((g) => g.name)).toContain('推进政务信息化和大数据发展组');
    for (const g of c.groups) expect(g.duties.length, g.name).toBeGreaterThan(0);
    expect(support[0]?.duties[0]).toContain('协调小组办公室职责');
    expect(c.findings.some((f) => f.code === 'group_count_mismatch')).toBe(false);
  });
  it('gives the positional 组长 as convener, and no group leader as a body role', () => {
    const conveners = byKind(c.roles, 'convener');
    expect(conveners).toEqual([expect.objectContaining({ title: '组长', person: null, position: '市政府分管副市长' })]);
    const deputies = byKind(c.roles, 'deputy_convener');
    expect(deputies.map((d) => d.position)).toEqual(['市政府办公室主任', '市政府办公室副主任', '市行政审批局局长']);
    expect(c.roles.some((r) => /市级部门/u.test(r.position ?? ''))).toBe(false);
  });
  it('finds the office host and the duties of the office document', () => {
    expect(c.office?.hostUnit).toBe('市政务服务管理办公室');
    expect(c.office?.duties.length).toBeGreaterThanOrEqual(8);
    expect(c.office?.duties.some((d) => d.startsWith('负责完成市委、市政府交办的其他工作'))).toBe(true);
  });
  it('has a liaison described by the member units, not the groups', () => {
    expect(c.liaison?.position).toContain('成员单位');
    expect(c.liaison?.perUnit).toBeNull();
  });
  it('has no member list and no stated count', () => {
    expect(c.memberUnits).toHaveLength(0);
    expect(c.memberUnitsStated).toBeNull();
  });
  it('has spans that hold what was extracted', () => expectSpansHold(c));
});
