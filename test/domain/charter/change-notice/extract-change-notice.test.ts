import { describe, expect, it } from 'vitest';
import { doc, notice, target } from './helpers.ts';

describe('adjustment notices', () => {
  it('reads a new convener, a renamed unit and an added unit', () => {
    const n = notice(
      doc(
        '某省人民政府办公厅关于调整某省数字经济发展工作领导小组组成单位和人员的通知',
        '因人员变动和机构改革，经省政府同意，现对某省数字经济发展工作领导小组组成单位和人员调整如下：\n一、由副省长陈某某任组长，刘某某同志不再担任组长。\n二、“省经济和信息化委”更名为“省工业和信息化厅”。\n三、增加省数据局为领导小组成员单位。',
      ),
    );
    expect(n.documentKind).toBe('adjustment');
    expect(n.targets.map((t) => t.name)).toEqual(['某省数字经济发展工作领导小组']);
    const d = target(n, '某省数字经济发展工作领导小组').delta;
    expect(d.roles).toMatchObject([{ kind: 'convener', title: '组长', person: '陈某某', position: '副省长' }]);
    expect(d.replacesRoles).toEqual(['convener']);
    expect(d.rolesReleased).toMatchObject([{ kind: 'convener', person: '刘某某' }]);
    expect(d.unitsRenamed).toMatchObject([{ from: '省经济和信息化委', to: '省工业和信息化厅' }]);
    expect(d.unitsAdded.map((u) => u.name)).toEqual(['省数据局']);
    expect(n.issueDate).toBe('2024-06-03');
  });

  it('reads 组长由…担任 and 副组长调整为… as restating those roles', () => {
    const n = notice(
      doc(
        '某市人民政府办公室关于调整某市食品安全委员会工作领导小组组成人员的通知',
        '因人员变动，现将某市食品安全委员会工作领导小组组成人员调整如下：组长由王某某同志（市长）担任，副组长调整为李某某（副市长）、赵某某（市政府秘书长）。',
      ),
    );
    const d = n.targets[0]?.delta;
    expect(d?.roles).toMatchObject([
      { kind: 'convener', person: '王某某', position: '市长' },
      { kind: 'deputy_convener', person: '李某某', position: '副市长' },
      { kind: 'deputy_convener', person: '赵某某', position: '市政府秘书长' },
    ]);
    expect(d?.replacesRoles.sort()).toEqual(['convener', 'deputy_convener']);
  });

  it('reads units dropped and the office moved', () => {
    const n = notice(
      doc(
        '某县人民政府办公室关于调整某县河长制工作联席会议成员单位的通知',
        '经县政府同意，对某县河长制工作联席会议成员单位作如下调整：\n一、县林业局、县畜牧局不再作为联席会议成员单位。\n二、成员单位增加县数据资源局、县城市管理局。\n三、联席会议办公室改设在县水利局，承担联席会议日常工作。',
        { issuer: '某县人民政府办公室', date: '2023年11月20日' },
      ),
    );
    const d = n.targets[0]?.delta;
    expect(d?.unitsRemoved.map((u) => u.name)).toEqual(['县林业局', '县畜牧局']);
    expect(d?.unitsAdded.map((u) => u.name)).toEqual(['县数据资源局', '县城市管理局']);
    expect(d?.officeHost?.name).toBe('县水利局');
  });

  it('reads a body renamed', () => {
    const n = notice(
      doc(
        '某市人民政府办公室关于调整某市大数据发展工作领导小组的通知',
        '经市政府同意，将某市大数据发展工作领导小组更名为某市数字政府建设工作领导小组，领导小组办公室设在市政务服务数据管理局。',
      ),
    );
    expect(n.targets.map((t) => t.name)).toEqual(['某市大数据发展工作领导小组']);
    expect(n.targets[0]?.delta.renamedTo?.name).toBe('某市数字政府建设工作领导小组');
    expect(n.targets[0]?.delta.officeHost?.name).toBe('市政务服务数据管理局');
  });

  it('reads a 指挥部 with 指挥长 and 副指挥长, and a member added by name', () => {
    const n = notice(
      doc(
        '某区人民政府关于调整某区森林防灭火指挥部组成人员的通知',
        '因人事变动，区政府决定调整充实了某区森林防灭火指挥部。由区长孙某任指挥长，周某某同志任副指挥长；增补吴某某（区应急管理局局长）为指挥部成员。',
      ),
    );
    const d = n.targets[0]?.delta;
    expect(d?.roles).toMatchObject([
      { kind: 'convener', title: '指挥长', person: '孙某', position: '区长' },
      { kind: 'deputy_convener', title: '副指挥长', person: '周某某' },
      { kind: 'member', title: '成员', person: '吴某某', position: '区应急管理局局长' },
    ]);
  });

  it('never makes a person of a post: a vacant post stays a position', () => {
    const n = notice(
      doc('某市人民政府办公室关于调整某市安全生产委员会工作领导小组的通知', '现对某市安全生产委员会工作领导小组调整如下：由市政府分管应急管理工作的副市长担任组长。'),
    );
    expect(n.targets[0]?.delta.roles).toMatchObject([{ kind: 'convener', person: null, position: '市政府分管应急管理工作的副市长' }]);
  });

  it('warns when it cannot read what an adjustment changes', () => {
    const n = notice(doc('某市人民政府办公室关于调整某市爱国卫生运动领导小组的通知', '现对某市爱国卫生运动领导小组进行调整，具体名单另行通知。'));
    expect(n.findings.map((f) => f.code)).toContain('adjustment_without_changes');
  });
});

describe('abolition notices', () => {
  it('reads several bodies from a numbered list, effective on the notice date', () => {
    const n = notice(
      doc(
        '某省人民政府办公厅关于撤销部分议事协调机构的通知',
        '经省政府同意，决定撤销以下议事协调机构：\n一、某省第四次全国经济普查领导小组；\n二、某省创建全国文明城市工作指挥部；\n三、某省服务业发展部门间联席会议。\n上述议事协调机构自印发之日起撤销，有关工作由相关部门按职责承担。',
        { date: '2025年2月14日' },
      ),
    );
    expect(n.documentKind).toBe('abolition');
    expect(n.targets.map((t) => t.name)).toEqual(['某省第四次全国经济普查领导小组', '某省创建全国文明城市工作指挥部', '某省服务业发展部门间联席会议']);
    for (const t of n.targets) {
      expect(t.action).toBe('abolish');
      expect(t.delta.abolished?.effectiveDate).toBe('2025-02-14');
    }
  });

  it('reads bodies abolished in one sentence and a stated effective date', () => {
    const n = notice(
      doc('某县人民政府关于撤销某县脱贫攻坚指挥部等机构的通知', '经县政府研究，决定撤销某县脱贫攻坚指挥部、某县易地扶贫搬迁工作领导小组和某县驻村帮扶工作协调小组，自2024年7月1日起不再保留。'),
    );
    expect(n.targets.map((t) => t.name)).toEqual(['某县脱贫攻坚指挥部', '某县易地扶贫搬迁工作领导小组', '某县驻村帮扶工作协调小组']);
    expect(n.targets.every((t) => t.delta.abolished?.effectiveDate === '2024-07-01')).toBe(true);
  });

  it('reads an effective date written in Chinese numerals', () => {
    const n = notice(doc('某县人民政府关于撤销某县秸秆禁烧工作指挥部的通知', '经县政府研究，某县秸秆禁烧工作指挥部自二〇二五年一月一日零时起撤销。', { date: '2024年12月20日' }));
    expect(n.targets.map((t) => t.name)).toEqual(['某县秸秆禁烧工作指挥部']);
    expect(n.targets[0]?.delta.abolished?.effectiveDate).toBe('2025-01-01');
    expect(n.findings.map((f) => f.code)).not.toContain('abolition_date_assumed');
  });

  it('assumes the notice date when no effective date is written, and says so', () => {
    const n = notice(doc('某市人民政府关于撤销某市城市更新工作专班的通知', '经市政府同意，某市城市更新工作专班予以撤销。', { date: '2024年9月9日' }));
    expect(n.targets[0]?.delta.abolished?.effectiveDate).toBe('2024-09-09');
    expect(n.findings.map((f) => f.code)).toContain('abolition_date_assumed');
  });
});

describe('mixed notices', () => {
  it('adjusts one body and abolishes two others, each part to its body', () => {
    const n = notice(
      doc(
        '某市人民政府办公室关于调整和撤销部分议事协调机构的通知',
        '经市政府同意，现将部分议事协调机构调整和撤销事项通知如下：\n一、调整某市河湖长制工作领导小组\n因人员变动，组长由王某某同志（市长）担任，增加市数据局为成员单位，市林业局不再作为成员单位。\n二、撤销以下议事协调机构：\n（一）某市第七次人口普查领导小组；\n（二）某市创建文明城市工作指挥部。\n上述机构自2024年7月1日起撤销。',
      ),
    );
    expect(n.documentKind).toBe('mixed');
    const adjusted = target(n, '某市河湖长制工作领导小组');
    expect(adjusted.action).toBe('adjust');
    expect(adjusted.delta.roles).toMatchObject([{ kind: 'convener', person: '王某某' }]);
    expect(adjusted.delta.unitsAdded.map((u) => u.name)).toEqual(['市数据局']);
    expect(adjusted.delta.unitsRemoved.map((u) => u.name)).toEqual(['市林业局']);
    expect(adjusted.delta.abolished).toBeNull();
    for (const name of ['某市第七次人口普查领导小组', '某市创建文明城市工作指挥部']) {
      const t = target(n, name);
      expect(t.action).toBe('abolish');
      expect(t.delta.abolished?.effectiveDate).toBe('2024-07-01');
      expect(t.delta.roles).toEqual([]);
    }
  });
});
