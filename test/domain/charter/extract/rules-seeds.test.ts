/**
 * The rules extractor on the five seed documents, through the real import pipeline.
 */
import { describe, expect, it } from 'vitest';
import type { Charter, Rule, RuleType } from '../../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../../src/domain/charter/import-charter.ts';
import { seed } from '../seed-files.ts';

function charterOf(prefix: string): Charter {
  const result = importCharter(seed(prefix));
  if (!result.ok) throw new Error(`seed ${prefix} did not import: ${result.error.message}`);
  return result.charter;
}

function rulesOf<T extends RuleType>(c: Charter, type: T): Array<Extract<Rule, { type: T }>> {
  return c.rules.filter((r): r is Extract<Rule, { type: T }> => r.type === type);
}

function sourceText(c: Charter, r: { source: { start: number; end: number } }): string {
  return c.normalizedText.slice(r.source.start, r.source.end);
}

const charters: Record<string, Charter> = {};
const get = (prefix: string): Charter => (charters[prefix] ??= charterOf(prefix));

describe('every seed', () => {
  for (const prefix of ['000', '001', '002', '003', '004']) {
    it(`${prefix}: every rule has a clause and a source inside the text`, () => {
      const c = get(prefix);
      expect(c.rules.length).toBeGreaterThan(3);
      for (const r of c.rules) {
        expect(r.source.start).toBeGreaterThanOrEqual(0);
        expect(r.source.end).toBeGreaterThan(r.source.start);
        expect(r.source.end).toBeLessThanOrEqual(c.normalizedText.length);
        expect(r.clause, `${r.type} at ${sourceText(c, r)}`).not.toBeNull();
        expect(r.document).toBeLessThan(c.documents.length);
      }
    });
  }
});

describe('004 (three documents: the group, its office, its thematic groups)', () => {
  it('plenary at least once a year, presided by 组长 alone', () => {
    const c = get('004');
    const freq = rulesOf(c, 'meeting_frequency').find((r) => r.meetingKind === 'plenary' && r.minPerYear !== null);
    expect(freq).toMatchObject({ document: 0, clause: '第十一条', minPerYear: 1 });
    expect(sourceText(c, freq!)).toContain('每年至少召开1次');
    const presider = rulesOf(c, 'presider').find((r) => r.meetingKind === 'plenary');
    expect(presider).toMatchObject({ roles: ['convener'], deputyNeedsDelegation: false, clause: '第十一条' });
    expect(sourceText(c, presider!)).toContain('会议由组长主持');
  });

  it('topical meetings irregular, presided by 组长 or a delegated 副组长', () => {
    const c = get('004');
    expect(rulesOf(c, 'meeting_frequency').find((r) => r.clause === '第十二条')).toMatchObject({ meetingKind: 'topical', schedule: 'irregular' });
    const presider = rulesOf(c, 'presider').find((r) => r.meetingKind === 'topical');
    expect(presider).toMatchObject({ roles: ['convener', 'deputy_convener'], deputyNeedsDelegation: true, clause: '第十二条' });
    expect(sourceText(c, presider!)).toContain('委托副组长');
  });

  it('agenda proposed by the office and approved by 组长; observers likewise', () => {
    const c = get('004');
    const agenda = rulesOf(c, 'agenda_approval').find((r) => r.document === 0);
    expect(agenda).toMatchObject({ meetingKind: 'plenary', proposedBy: ['office'], approvedBy: ['convener'], clause: '第十一条' });
    expect(sourceText(c, agenda!)).toContain('报组长批准');
    const observers = rulesOf(c, 'attendance').find((r) => r.participantApproval?.participants === 'observers');
    expect(observers?.participantApproval).toMatchObject({ proposedBy: ['office'], approvedBy: ['convener'] });
    // The office's rules: 经协调小组组长批准准备会议议题
    expect(rulesOf(c, 'agenda_approval').find((r) => r.document === 1)).toMatchObject({ approvedBy: ['convener'], clause: '第六条' });
  });

  it('minutes signed off by 组长, sent to members and reported upward', () => {
    const c = get('004');
    const signoff = rulesOf(c, 'minutes_signoff');
    expect(signoff).toHaveLength(1);
    expect(signoff[0]).toMatchObject({ action: 'sign_off', roles: ['convener'], clause: '第十三条' });
    expect(sourceText(c, signoff[0]!)).toContain('组长签发');
    const dist = rulesOf(c, 'minutes_distribution')[0];
    expect(dist?.toMemberUnits).toBe(true);
    expect(dist?.reportCopyTo).toEqual(expect.arrayContaining(['市长', '副市长']));
    const tracking = rulesOf(c, 'decision_tracking').find((r) => r.document === 0);
    expect(tracking).toMatchObject({ trackedBy: ['office'], implementedBy: ['group'] });
  });

  it('handling deadlines of 7 and 10 working days, once in each document that states them', () => {
    const c = get('004');
    const deadlines = rulesOf(c, 'handling_deadline');
    expect(deadlines.map((d) => [d.document, d.clause, d.workingDays, d.coHandledWorkingDays])).toEqual([
      [1, '第十六条', 7, 10],
      [2, '第十二条', 7, 10],
    ]);
    for (const d of deadlines) expect(sourceText(c, d)).toMatch(/7个工作日内办结[\s\S]*10个工作日内/);
  });

  it('each thematic group reports at least one piece of information a month', () => {
    const c = get('004');
    const quota = rulesOf(c, 'info_report_quota');
    expect(quota).toHaveLength(1);
    expect(quota[0]).toMatchObject({ reporter: 'group', perMonth: 1, reportTo: ['office'], document: 2, clause: '第十三条' });
    expect(sourceText(c, quota[0]!)).toContain('每月不得少于一篇');
  });

  it('who signs documents issued in the group’s and in the office’s name', () => {
    const c = get('004');
    const signing = rulesOf(c, 'document_signing').map((r) => ({
      document: r.document,
      clause: r.clause,
      issuedInNameOf: r.issuedInNameOf,
      initiatedBy: r.initiatedBy,
      reviewers: r.reviewers,
      signers: r.signers,
    }));
    expect(signing).toEqual([
      { document: 1, clause: '第十三条', issuedInNameOf: 'body', initiatedBy: null, reviewers: ['office_director'], signers: ['convener', 'deputy_convener'] },
      { document: 1, clause: '第十四条', issuedInNameOf: 'office', initiatedBy: null, reviewers: [], signers: ['office_director'] },
      { document: 2, clause: '第十条', issuedInNameOf: 'body', initiatedBy: 'group', reviewers: ['office_director'], signers: ['convener', 'deputy_convener'] },
      { document: 2, clause: '第十一条', issuedInNameOf: 'office', initiatedBy: 'group', reviewers: ['group_leader'], signers: ['office_director'] },
    ]);
  });

  it('group meetings in the groups’ rules, presided by the group leader', () => {
    const c = get('004');
    expect(rulesOf(c, 'meeting_frequency').find((r) => r.document === 2)).toMatchObject({ meetingKind: 'group', schedule: 'regular_or_irregular' });
    expect(rulesOf(c, 'presider').find((r) => r.document === 2)).toMatchObject({ meetingKind: 'group', roles: ['group_leader'], clause: '第九条' });
  });

  it('annual reports and bulletins', () => {
    const c = get('004');
    expect(rulesOf(c, 'annual_report').find((r) => r.clause === '第十四条')).toMatchObject({ to: '协调小组', via: '协调小组办公室' });
    const bulletins = rulesOf(c, 'bulletin');
    expect(bulletins.length).toBeGreaterThanOrEqual(2);
    for (const b of bulletins) expect(b.compiledBy).toBe('office');
  });

  it('functions: the group’s own duties only', () => {
    const c = get('004');
    expect(c.functions.length).toBeGreaterThanOrEqual(1);
    expect(c.functions.some((f) => f.text.includes('统筹研究'))).toBe(true);
    expect(c.functions.some((f) => f.text.includes('编发工作专报'))).toBe(false);
    expect(c.functions.some((f) => f.text.includes('合法性审查'))).toBe(false);
  });
});

describe('003 (组长 / 副组长, numbered 三、（二）2.)', () => {
  it('its meetings (工作会议, the only kind it names) presided by 组长 or a delegated 副组长, whatever their kind', () => {
    const c = get('003');
    const presider = rulesOf(c, 'presider');
    expect(presider).toHaveLength(1);
    expect(presider[0]).toMatchObject({ meetingKind: 'any', roles: ['convener', 'deputy_convener'], deputyNeedsDelegation: true });
    expect(presider[0]?.clause).toMatch(/^三、[（(]二[）)]2\.$/);
  });

  it('agenda approved by 组长 or 副组长 and circulated in advance', () => {
    const c = get('003');
    const agenda = rulesOf(c, 'agenda_approval')[0];
    expect(agenda).toMatchObject({ approvedBy: ['convener', 'deputy_convener'], circulateInAdvance: true });
    expect(sourceText(c, agenda!)).toContain('审核同意');
  });

  it('mandatory attendance, a substitute allowed, the liaison may bring the unit’s opinion', () => {
    const c = get('003');
    const attendance = rulesOf(c, 'attendance');
    expect(attendance).toHaveLength(1);
    expect(attendance[0]).toMatchObject({ mandatory: true, substituteAllowed: true, liaisonMayBringOpinion: true });
    const text = sourceText(c, attendance[0]!);
    expect(text).toContain('务必参加');
    expect(text).toContain('派其他负责人出席');
  });

  it('minutes approved by 组长 or 副组长 and sent to member units', () => {
    const c = get('003');
    expect(rulesOf(c, 'minutes_signoff')).toEqual([expect.objectContaining({ action: 'approve', roles: ['convener', 'deputy_convener'] })]);
    expect(rulesOf(c, 'minutes_distribution')[0]).toMatchObject({ toMemberUnits: true });
  });

  it('bulletin compiled by the office, with its name and recipients', () => {
    const c = get('003');
    const bulletin = rulesOf(c, 'bulletin')[0];
    expect(bulletin?.compiledBy).toBe('office');
    expect(bulletin?.name).toMatch(/^《.*简报》$/);
    expect(bulletin?.recipients.length).toBeGreaterThanOrEqual(2);
  });

  it('membership change proposed by the member’s unit, confirmed by the joint meeting', () => {
    const c = get('003');
    expect(rulesOf(c, 'membership_change')[0]).toMatchObject({ subject: 'member', proposedBy: '所在单位', confirmedBy: '联席会议' });
  });

  it('functions: the two duties of （一）主要职责', () => {
    const c = get('003');
    expect(c.functions).toHaveLength(2);
    expect(c.functions[1]?.text).toContain('交办的其他工作任务');
  });

  it('warns that the rules speak of 召集人 while the body has 组长', () => {
    const c = get('003');
    expect(c.roles.map((r) => r.title)).toContain('组长');
    const finding = c.findings.filter((f) => f.code === 'undefined_role_title');
    expect(finding).toHaveLength(1);
    expect(finding[0]?.message).toContain('召集人');
  });
});

describe('002 (national joint meeting)', () => {
  it('presider, minutes distribution, decision tracking, membership change', () => {
    const c = get('002');
    expect(rulesOf(c, 'meeting_frequency')[0]).toMatchObject({ meetingKind: 'any', schedule: 'regular_or_irregular', clause: '三、工作规则' });
    expect(rulesOf(c, 'presider')[0]).toMatchObject({ roles: ['convener', 'deputy_convener'], deputyNeedsDelegation: true, clause: '三、工作规则' });
    const dist = rulesOf(c, 'minutes_distribution')[0];
    expect(dist).toMatchObject({ toMemberUnits: true, copyTo: ['有关方面'], escalateMajorMattersTo: [] });
    expect(sourceText(c, dist!)).toContain('印发各成员单位');
    const tracking = rulesOf(c, 'decision_tracking')[0];
    expect(tracking).toMatchObject({ trackedBy: ['office'], circular: true, clause: '四、工作要求' });
    expect(sourceText(c, tracking!)).toContain('跟踪督促落实');
    const changes = rulesOf(c, 'membership_change');
    expect(changes.map((m) => m.subject)).toEqual(['member', 'member_unit']);
    expect(changes[0]).toMatchObject({ proposedBy: '所在单位', confirmedBy: '联席会议' });
  });

  it('functions: four duties split on ；', () => {
    const c = get('002');
    expect(c.functions).toHaveLength(4);
    expect(c.functions[3]?.text).toBe('完成党中央、国务院交办的其他事项');
    for (const f of c.functions) expect(c.normalizedText.slice(f.source.start, f.source.end)).toBe(f.text);
  });
});

describe('000 (Traditional with pinyin)', () => {
  it('presider with delegation, liaison meeting before the plenary; member units proposing a meeting is no agenda approval', () => {
    const c = get('000');
    expect(rulesOf(c, 'presider')[0]).toMatchObject({ roles: ['convener', 'deputy_convener'], deputyNeedsDelegation: true });
    expect(rulesOf(c, 'pre_meeting')[0]).toMatchObject({ meetingKind: 'liaison', before: 'plenary', discretionary: true });
    expect(rulesOf(c, 'agenda_approval')).toEqual([]);
  });

  it('minutes to the parties concerned and reported to the provincial government', () => {
    const c = get('000');
    const dist = rulesOf(c, 'minutes_distribution')[0];
    expect(dist).toMatchObject({ reportCopyTo: ['省政府'], copyTo: ['有关方面'], escalateMajorMattersTo: [] });
    expect(sourceText(c, dist!)).toContain('抄报省政府');
    expect(rulesOf(c, 'decision_tracking')[0]).toMatchObject({ trackedBy: ['office'], circular: true });
    expect(rulesOf(c, 'membership_change').map((m) => m.subject)).toEqual(['member', 'member_unit']);
  });

  it('functions: seven duties', () => {
    expect(get('000').functions).toHaveLength(7);
  });
});

describe('001 (task force)', () => {
  it('presider with delegation, decisions approved by 召集人, liaison meetings, liaison changes', () => {
    const c = get('001');
    const presider = rulesOf(c, 'presider')[0];
    expect(presider).toMatchObject({ roles: ['convener', 'deputy_convener'], deputyNeedsDelegation: true });
    expect(presider?.clause).toMatch(/^三、[（(]一[）)]/);
    expect(rulesOf(c, 'minutes_signoff')[0]).toMatchObject({ action: 'approve', roles: ['convener'] });
    const dist = rulesOf(c, 'minutes_distribution')[0];
    expect(dist).toMatchObject({ toMemberUnits: true, escalateMajorMattersTo: ['省委', '省政府'] });
    expect(rulesOf(c, 'meeting_frequency').find((r) => r.meetingKind === 'liaison')).toMatchObject({ schedule: 'as_needed' });
    expect(rulesOf(c, 'membership_change')[0]).toMatchObject({ subject: 'member', post: 'liaison', confirmedBy: '工作专班办公室' });
  });

  it('no decision tracking read into the functions section', () => {
    expect(rulesOf(get('001'), 'decision_tracking')).toEqual([]);
    expect(get('001').functions).toHaveLength(5);
  });
});
