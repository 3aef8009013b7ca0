import { describe, expect, it } from 'vitest';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import type { Charter } from '../../../src/domain/charter/charter-types.ts';
import { unseenTexts } from './seed-files.ts';

const texts = unseenTexts();

function charterOf(name: string): Charter {
  const r = importCharter(texts[name] as string);
  if (!r.ok) throw new Error(r.error.message);
  return r.charter;
}

describe('header facts of documents shaped like real ones but never seen by the importer', () => {
  it('a county leading group whose notice carries its roster', () => {
    const c = charterOf('leading-group-county.txt');
    expect(c.body.name).toBe('婺源县农村人居环境整治工作领导小组');
    expect(c.body.kind).toBe('leading_group');
    expect(c.body.level).toBe('county');
    expect(c.body.region).toMatchObject({ name: '婺源县', code: '361130' });
    expect(c.foundingDocument.docNumber).toBe('婺府办字〔2022〕15号');
    expect(c.foundingDocument.issuer).toBe('婺源县人民政府办公室');
    expect(c.foundingDocument.issueDate).toBe('2022-03-15');
    expect(c.foundingDocument.addressees).toEqual(['各乡（镇）人民政府', '县政府各部门']);
    expect(c.flags).toMatchObject({ noSeal: true, noFormalDocuments: true, notRegisteredBody: false });
    expect(c.sunset).toMatchObject({ date: null });
    expect(c.normalizedText).toContain('组长：王磊\t县委副书记、县长');
    expect(c.normalizedText).toContain('\n\t刘芳\t县政府办公室主任');
    expect(c.normalizedText).not.toContain('此件主动公开');
  });

  it('a city headquarters reposted on a web page', () => {
    const c = charterOf('headquarters-city-web.txt');
    expect(c.body.name).toBe('绵阳市森林草原防灭火指挥部');
    expect(c.body.kind).toBe('command');
    expect(c.body.level).toBe('municipal');
    expect(c.body.region).toMatchObject({ name: '绵阳市', code: '510700' });
    expect(c.foundingDocument.docNumber).toBe('绵府发〔2021〕12号');
    expect(c.foundingDocument.issuer).toBe('绵阳市人民政府');
    expect(c.foundingDocument.issueDate).toBe('2021-06-08');
    expect(c.foundingDocument.addressees).toEqual(['各县（市、区）人民政府', '科学城办事处', '市政府各部门']);
    // Abolishing the predecessor is not this body's sunset
    expect(c.sunset).toBeNull();
    expect(c.normalizedText).not.toMatch(/浏览次数|字体|打印|首页/u);
    expect(c.normalizedText).toContain('指挥长：市政府分管副市长');
  });

  it('a county joint meeting whose rules are an attachment numbered by article', () => {
    const c = charterOf('joint-meeting-county-rules.txt');
    expect(c.body.name).toBe('安吉县食品安全工作联席会议');
    expect(c.body.kind).toBe('joint_meeting');
    expect(c.body.level).toBe('county');
    expect(c.body.region).toMatchObject({ code: '330523' });
    expect(c.foundingDocument.docNumber).toBeNull();
    expect(c.foundingDocument.issueDate).toBe('2019-08-27');
    expect(c.documents.map((d) => d.title)).toEqual([
      '安吉县人民政府办公室关于印发安吉县食品安全工作联席会议工作规则的通知',
      '安吉县食品安全工作联席会议工作规则',
    ]);
    expect(c.flags).toMatchObject({ noSeal: true, noFormalDocuments: false, notRegisteredBody: true });
    expect(c.findings.map((f) => f.code)).toContain('no_doc_number');
    expect(c.findings.map((f) => f.code)).not.toContain('text_truncated');
  });
});
