import { describe, expect, it } from 'vitest';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import { extractFlags, extractSunset, kindOfName } from '../../../src/domain/charter/extract/header.ts';
import type { Charter } from '../../../src/domain/charter/charter-types.ts';
import { seed } from './seed-files.ts';

function charterOf(raw: string): Charter {
  const r = importCharter(raw);
  if (!r.ok) throw new Error(r.error.message);
  return r.charter;
}

const codes = (c: Charter): string[] => c.findings.map((f) => f.code);
const slice = (c: Charter, s: { start: number; end: number } | null | undefined): string =>
  s ? c.normalizedText.slice(s.start, s.end) : '';

describe('header facts of the seeds', () => {
  it('000: provincial joint meeting with three flags', () => {
    const c = charterOf(seed('000'));
    expect(c.body.name).toBe('广东省服务贸易发展部门间联席会议');
    expect(c.body.kind).toBe('joint_meeting');
    expect(c.body.level).toBe('provincial');
    expect(c.body.region).toMatchObject({ name: '广东省', code: '440000' });
    expect(c.foundingDocument.docNumber).toBe('粤办函〔2021〕20号');
    expect(c.foundingDocument.docNumberParts).toEqual({ issuerCode: '粤办函', year: 2021, serial: 20 });
    expect(c.foundingDocument.issueDate).toBe('2021-02-01');
    expect(c.foundingDocument.issuer).toBe('省政府办公厅');
    expect(c.foundingDocument.addressees).toEqual(['省商务厅']);
    expect(c.flags).toMatchObject({ noSeal: true, noFormalDocuments: true, notRegisteredBody: true });
    expect(slice(c, c.flags.sources.noSeal)).toBe('不刻制印章');
    expect(slice(c, c.flags.sources.noFormalDocuments)).toBe('不正式行文');
    expect(slice(c, c.flags.sources.notRegisteredBody)).toBe('不纳入省级议事协调机构管理');
    expect(c.sunset).toBeNull();
    expect(c.documents).toHaveLength(2);
    expect(codes(c)).not.toContain('no_doc_number');
    expect(codes(c)).not.toContain('text_truncated');
  });

  it('001: task force with a sunset at the end of December 2026', () => {
    const c = charterOf(seed('001'));
    expect(c.body.name).toBe('广东省支持广州市服务业扩大开放综合试点工作专班');
    expect(c.body.kind).toBe('task_force');
    expect(c.body.level).toBe('provincial');
    expect(c.body.region?.code).toBe('440000');
    expect(c.foundingDocument.docNumber).toBe('粤办函〔2024〕4号');
    expect(c.foundingDocument.issueDate).toBe('2024-01-08');
    expect(c.sunset?.date).toBe('2026-12-31');
    expect(slice(c, c.sunset?.source)).toContain('自行撤销');
    expect(c.flags).toMatchObject({ noSeal: true, noFormalDocuments: true, notRegisteredBody: true });
  });

  it('002: national joint meeting', () => {
    const c = charterOf(seed('002'));
    expect(c.body.name).toBe('国务院推进贸易高质量发展部际联席会议');
    expect(c.body.kind).toBe('joint_meeting');
    expect(c.body.level).toBe('national');
    expect(c.body.region).toMatchObject({ name: '全国', code: null });
    expect(c.foundingDocument.docNumber).toBe('国办函〔2020〕58号');
    expect(c.foundingDocument.issueDate).toBe('2020-07-22');
    expect(c.foundingDocument.issuer).toBe('国务院办公厅');
    expect(c.flags).toMatchObject({ noSeal: true, noFormalDocuments: true, notRegisteredBody: false });
    expect(c.documents).toHaveLength(3);
  });

  it('003: municipal joint meeting of 桂林, number written with [], truncated', () => {
    const c = charterOf(seed('003'));
    expect(c.body.name).toBe('桂林市政务服务工作联席会议');
    expect(c.body.kind).toBe('joint_meeting');
    expect(c.body.level).toBe('municipal');
    expect(c.body.region).toMatchObject({ name: '桂林市', code: '450300' });
    expect(c.foundingDocument.docNumber).toBe('市政办〔2009〕69号');
    expect(c.foundingDocument.issueDate).toBe('2009-05-11');
    expect(c.foundingDocument.addressees).toContain('各县、自治县、区人民政府');
    expect(c.normalizedText).not.toContain('下载文档');
    expect(codes(c)).toContain('text_truncated');
  });

  it('004: county-level coordination group without a document number', () => {
    const c = charterOf(seed('004'));
    expect(c.body.name).toBe('启东市政府推进政府职能转变和“放管服”改革协调小组');
    expect(c.body.kind).toBe('coordination_group');
    expect(c.body.level).toBe('county');
    expect(c.body.region).toMatchObject({ name: '启东市', code: '320681' });
    expect(c.foundingDocument.docNumber).toBeNull();
    expect(c.foundingDocument.issueDate).toBe('2020-03-02');
    expect(c.documents).toHaveLength(3);
    expect(codes(c)).toContain('no_doc_number');
    expect(c.sunset).toBeNull();
  });
});

describe('header rules', () => {
  it('names kinds by the body word', () => {
    expect(kindOfName('某市某某工作联席会议')).toBe('joint_meeting');
    expect(kindOfName('某省某某工作专班')).toBe('task_force');
    expect(kindOfName('某县某某协调小组')).toBe('coordination_group');
    expect(kindOfName('某县某某工作领导小组')).toBe('leading_group');
    expect(kindOfName('某市森林防灭火指挥部')).toBe('command');
  });

  it('reads the sunset forms', () => {
    expect(extractSunset('专班在任务结束后（2026年12月底）自行撤销。')?.date).toBe('2026-12-31');
    expect(extractSunset('领导小组于2025年底自行撤销。')?.date).toBe('2025-12-31');
    expect(extractSunset('工作完成后自行撤销。')).toMatchObject({ date: null });
    expect(extractSunset('任务完成后撤销。')).toMatchObject({ date: null });
  });

  it('does not take the abolition of another body as the sunset', () => {
    expect(extractSunset('原某某联席会议同时撤销。')).toBeNull();
    expect(extractSunset('撤销某某领导小组。')).toBeNull();
  });

  it('finds no flags where none are stated', () => {
    const f = extractFlags('联席会议办公室设在市商务局。');
    expect(f).toMatchObject({ noSeal: false, noFormalDocuments: false, notRegisteredBody: false });
    expect(f.sources).toEqual({ noSeal: null, noFormalDocuments: null, notRegisteredBody: null });
  });

  it('resolves an unqualified 县 prefix with the region of the issuer', () => {
    const raw = '县政府安全生产委员会工作规则\n来源：安吉县应急管理局\t发布时间：2021-04-01\n第一条 为加强安全生产工作，制定本规则。';
    const c = charterOf(raw);
    expect(c.body.name).toBe('安吉县政府安全生产委员会');
    expect(c.body.kind).toBe('other');
    expect(c.body.level).toBe('county');
    expect(c.body.region?.code).toBe('330523');
    expect(c.foundingDocument.issueDate).toBe('2021-04-01');
    expect(c.foundingDocument.issuer).toBe('安吉县应急管理局');
  });
});
