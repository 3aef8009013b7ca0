import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDocumentKind } from '../../../../src/domain/charter/change-notice/document-kind.ts';
import { doc, kindOf } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');

describe('document kind', () => {
  it('reads every seed and unseen founding document as founding', () => {
    for (const dir of ['seeds', 'unseen']) {
      for (const file of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.txt'))) {
        expect(kindOf(readFileSync(join(FIXTURES, dir, file), 'utf8')), file).toBe('founding');
      }
    }
  });

  it('reads 关于调整…组成人员的通知 as an adjustment', () => {
    const text = doc('某市人民政府办公室关于调整某市河湖长制工作领导小组组成人员的通知', '因人员变动，经市政府同意，现对某市河湖长制工作领导小组组成人员调整如下：\n组长由王某某同志（市长）担任。');
    expect(kindOf(text)).toBe('adjustment');
  });

  it('reads …调整充实了… in the text as an adjustment even when the title says only 通知', () => {
    const text = doc('某县人民政府办公室关于某县安全生产工作领导小组的通知', '因工作需要，县政府决定调整充实了某县安全生产工作领导小组，组长由县长李某某同志担任。');
    expect(kindOf(text)).toBe('adjustment');
  });

  it('reads 关于撤销…的通知 as an abolition', () => {
    const text = doc('某市人民政府关于撤销某市创建国家卫生城市工作指挥部的通知', '经市政府研究，决定撤销某市创建国家卫生城市工作指挥部，自印发之日起执行。');
    expect(kindOf(text)).toBe('abolition');
  });

  it('reads a notice that adjusts one body and abolishes two others as mixed', () => {
    const text = doc(
      '某市人民政府办公室关于调整和撤销部分议事协调机构的通知',
      '经市政府同意，现将有关事项通知如下：\n一、调整某市河湖长制工作领导小组\n组长由王某某同志（市长）担任。\n二、撤销以下议事协调机构：\n（一）某市第七次人口普查领导小组；\n（二）某市创建文明城市工作指挥部。\n上述机构自印发之日起撤销。',
    );
    expect(kindOf(text)).toBe('mixed');
  });

  it('keeps a founding document founding although it says members may be adjusted', () => {
    const text = doc(
      '某县人民政府办公室关于成立某县乡村振兴工作领导小组的通知',
      '为加强领导，县政府决定成立某县乡村振兴工作领导小组。\n组长：张某某　县长\n成员单位：县发展改革局、县财政局。\n领导小组成员因工作变动需要调整的，由所在单位提出，报组长同意后调整。任务完成后自行撤销。',
    );
    expect(kindOf(text)).toBe('founding');
  });

  it('decides from title and wording alone', () => {
    expect(detectDocumentKind('关于同意建立某某联席会议制度的函', '联席会议可根据工作需要调整成员单位。')).toBe('founding');
    expect(detectDocumentKind('关于调整某某领导小组的通知', '')).toBe('adjustment');
    expect(detectDocumentKind('关于撤销某某专班的通知', '')).toBe('abolition');
    expect(detectDocumentKind('关于调整充实某某领导小组并撤销某某指挥部的通知', '')).toBe('mixed');
    expect(detectDocumentKind('通知', '经研究，决定撤销以下议事协调机构：')).toBe('abolition');
  });
});
