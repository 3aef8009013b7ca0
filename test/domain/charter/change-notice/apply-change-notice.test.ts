import { describe, expect, it } from 'vitest';
import { importCharter, importDocument } from '../../../../src/domain/charter/import-charter.ts';
import { applyChangeNotice } from '../../../../src/domain/charter/change-notice/apply-change-notice.ts';
import type { Charter } from '../../../../src/domain/charter/charter-types.ts';
import { diffCharters } from '../../../../src/domain/directory/charter-diff.ts';
import { doc } from './helpers.ts';

const FOUNDING = doc(
  '某市人民政府办公室关于成立某市河湖长制工作领导小组的通知',
  [
    '为加强河湖管理保护，市政府决定成立某市河湖长制工作领导小组。',
    '一、组成人员',
    '组　长：刘某某　市长',
    '副组长：陈某某　副市长',
    '成　员：郑某某　市水务局局长',
    '　　　　冯某某　市林业局局长',
    '　　　　褚某某　市生态环境局局长',
    '二、成员单位',
    '领导小组成员单位为：市水务局、市林业局、市生态环境局。',
    '三、领导小组办公室设在市水务局，承担日常工作。',
  ].join('\n'),
  { date: '2021年3月1日' },
);

function founding(): { charter: Charter; raw: string } {
  const result = importCharter(FOUNDING);
  if (!result.ok) throw new Error(result.error.message);
  return { charter: result.charter, raw: FOUNDING };
}

function apply(noticeText: string, current = founding()) {
  const result = importDocument(noticeText);
  if (!result.ok || result.changeNotice === null) throw new Error('not a change notice');
  const target = result.changeNotice.targets[0];
  if (!target) throw new Error('no target');
  return applyChangeNotice({
    current: current.charter,
    currentOriginalLength: current.raw.length,
    notice: result.changeNotice,
    noticeText: { normalizedText: result.charter.normalizedText, offsetMap: result.charter.offsetMap },
    target,
  });
}

describe('applying a change notice to a charter', () => {
  it('gives the next charter: new convener, unit renamed (roles follow), unit added, office moved', () => {
    const before = founding().charter;
    expect(before.memberUnits.map((u) => u.name)).toEqual(['市水务局', '市林业局', '市生态环境局']);
    const { charter } = apply(
      doc(
        '某市人民政府办公室关于调整某市河湖长制工作领导小组组成人员的通知',
        '现对某市河湖长制工作领导小组调整如下：\n一、由王某某同志（市长）担任组长，刘某某同志不再担任组长。\n二、“市林业局”更名为“市林业和园林局”。\n三、增加市数据局为领导小组成员单位。\n四、领导小组办公室改设在市生态环境局。',
        { date: '2024年6月3日' },
      ),
    );
    expect(charter.roles.filter((r) => r.kind === 'convener')).toMatchObject([{ person: '王某某', position: '市长', title: '组长' }]);
    expect(charter.memberUnits.map((u) => u.name)).toEqual(['市水务局', '市林业和园林局', '市生态环境局', '市数据局']);
    expect(charter.roles.find((r) => r.person === '冯某某')?.unit).toBe('市林业和园林局');
    expect(charter.office?.hostUnit).toBe('市生态环境局');

    const diff = diffCharters(before, charter);
    expect(diff.memberUnits.added.map((a) => a.key).sort()).toEqual(['市数据局', '市林业和园林局']);
    expect(diff.memberUnits.removed.map((a) => a.key)).toEqual(['市林业局']);
    expect(diff.roles.added.map((a) => a.key)).toContain('convener|组长|王某某');
    expect(diff.roles.removed.map((a) => a.key)).toContain('convener|组长|刘某某');
  });

  it('keeps every source pointing at the text it came from: old facts in the founding document, new ones in the notice', () => {
    const { charter } = apply(
      doc('某市人民政府办公室关于调整某市河湖长制工作领导小组成员单位的通知', '增加市数据局为领导小组成员单位。'),
    );
    const text = charter.normalizedText;
    for (const unit of charter.memberUnits) expect(text.slice(unit.source.start, unit.source.end)).toContain(unit.name);
    expect(charter.documents.at(-1)?.title).toBe('某市人民政府办公室关于调整某市河湖长制工作领导小组成员单位的通知');
    const last = charter.documents.at(-1)?.source;
    expect(last && text.slice(last.start, last.start + 6)).toBe('某市人民政府');
    expect(charter.findings.map((f) => f.code)).toContain('change_notice_applied');
  });

  it('drops a unit with its member, and says what it could not apply', () => {
    const { charter, findings } = apply(
      doc('某市人民政府办公室关于调整某市河湖长制工作领导小组成员单位的通知', '市林业局、市农业农村局不再作为领导小组成员单位。'),
    );
    expect(charter.memberUnits.map((u) => u.name)).toEqual(['市水务局', '市生态环境局']);
    expect(charter.roles.some((r) => r.person === '冯某某')).toBe(false);
    expect(findings.map((f) => f.code)).toEqual(['removed_unit_not_member']);
  });

  it('renames the body', () => {
    const { charter } = apply(
      doc('某市人民政府办公室关于调整某市河湖长制工作领导小组的通知', '经市政府同意，将某市河湖长制工作领导小组更名为某市河湖长制工作委员会领导小组。'),
    );
    expect(charter.body.name).toBe('某市河湖长制工作委员会领导小组');
  });

  it('sets the sunset of an abolished body to the day before the abolition takes effect', () => {
    const { charter } = apply(
      doc('某市人民政府关于撤销某市河湖长制工作领导小组的通知', '经市政府研究，决定撤销某市河湖长制工作领导小组，自印发之日起执行。', { date: '2025年1月10日' }),
    );
    expect(charter.sunset?.date).toBe('2025-01-09');
  });
});
