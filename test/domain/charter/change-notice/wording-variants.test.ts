/** Change notices in varied wording: each reads the same kind of change. Synthetic names only. */
import { describe, expect, it } from 'vitest';
import { readWho, splitList } from '../../../../src/domain/charter/change-notice/role-words.ts';
import { findBodyNames } from '../../../../src/domain/charter/change-notice/body-names.ts';
import { doc, notice } from './helpers.ts';

const BODY = '某县农村人居环境整治工作领导小组';
const adjust = (body: string) => notice(doc(`某县人民政府办公室关于调整${BODY}组成人员的通知`, body, { issuer: '某县人民政府办公室' }));

describe('role changes in varied wording', () => {
  const cases: [string, { kind: string; person: string | null; position?: string }][] = [
    ['由县长张某某同志担任领导小组组长。', { kind: 'convener', person: '张某某', position: '县长' }],
    ['由张某某（县长）任组长。', { kind: 'convener', person: '张某某', position: '县长' }],
    ['张某某同志任领导小组组长。', { kind: 'convener', person: '张某某' }],
    ['组长调整为张某某（县长）。', { kind: 'convener', person: '张某某', position: '县长' }],
    ['组长改由县长张某某担任。', { kind: 'convener', person: '张某某', position: '县长' }],
    ['副组长由李某（县委常委、常务副县长）担任。', { kind: 'deputy_convener', person: '李某', position: '县委常委、常务副县长' }],
    ['增补王某某（县农业农村局局长）为领导小组成员。', { kind: 'member', person: '王某某', position: '县农业农村局局长' }],
    ['由县政府分管农业农村工作的副县长担任组长。', { kind: 'convener', person: null, position: '县政府分管农业农村工作的副县长' }],
  ];
  for (const [sentence, expected] of cases) {
    it(sentence, () => {
      const n = adjust(`因人员变动，现对${BODY}组成人员调整如下：${sentence}`);
      expect(n.targets).toHaveLength(1);
      expect(n.targets[0]?.delta.roles).toMatchObject([expected]);
    });
  }

  it('reads one post held by one person, not two people (县委常委、常务副县长)', () => {
    const n = adjust(`现对${BODY}调整如下：副组长由李某（县委常委、常务副县长）担任。`);
    expect(n.targets[0]?.delta.roles).toHaveLength(1);
  });

  it('reads people leaving in a list', () => {
    const n = adjust(`现对${BODY}调整如下：赵某、钱某某同志不再担任领导小组成员。`);
    expect(n.targets[0]?.delta.rolesReleased.map((r) => [r.person, r.kind])).toEqual([
      ['赵某', 'member'],
      ['钱某某', 'member'],
    ]);
  });
});

describe('member units in varied wording', () => {
  it('增加 / 新增 / 增补 … 为成员单位', () => {
    for (const verb of ['增加', '新增', '增补']) {
      const n = adjust(`现对${BODY}成员单位调整如下：${verb}县数据局、县乡村振兴局为领导小组成员单位。`);
      expect(n.targets[0]?.delta.unitsAdded.map((u) => u.name), verb).toEqual(['县数据局', '县乡村振兴局']);
    }
  });

  it('成员单位减少 … / … 不再作为成员单位 / 退出', () => {
    expect(adjust(`现对${BODY}调整如下：成员单位减少县扶贫办。`).targets[0]?.delta.unitsRemoved.map((u) => u.name)).toEqual(['县扶贫办']);
    expect(adjust(`现对${BODY}调整如下：县扶贫办退出领导小组成员单位。`).targets[0]?.delta.unitsRemoved.map((u) => u.name)).toEqual(['县扶贫办']);
  });

  it('keeps 和 inside a unit name (县发展和改革局) and splits on it between units', () => {
    expect(splitList('县发展和改革局、县财政局和县审计局').map((p) => p.part)).toEqual(['县发展和改革局', '县财政局', '县审计局']);
  });

  it('renames units written without quotes', () => {
    const n = adjust(`现对${BODY}调整如下：县扶贫开发办公室更名为县乡村振兴局。`);
    expect(n.targets[0]?.delta.unitsRenamed).toMatchObject([{ from: '县扶贫开发办公室', to: '县乡村振兴局' }]);
  });

  it('moves the office: 办公室由A调整至B', () => {
    const n = adjust(`现对${BODY}调整如下：领导小组办公室由县农业农村局调整至县乡村振兴局，承担日常工作。`);
    expect(n.targets[0]?.delta.officeHost?.name).toBe('县乡村振兴局');
  });
});

describe('names and people', () => {
  it('finds body names after the issuer and verb, never a reference', () => {
    expect(findBodyNames('某市人民政府办公室关于调整某市安全生产委员会工作领导小组组成人员的通知').map((n) => n.name)).toEqual(['某市安全生产委员会工作领导小组']);
    expect(findBodyNames('该领导小组办公室设在市应急局。上述联席会议不再保留。').map((n) => n.name)).toEqual([]);
    expect(findBodyNames('推进政府职能转变和“放管服”改革协调小组').map((n) => n.name)).toEqual(['推进政府职能转变和“放管服”改革协调小组']);
  });

  it('never makes a person of a post or an elided list', () => {
    expect(readWho('负责住房和城乡建设工作的副市长')).toEqual({ person: null, position: '负责住房和城乡建设工作的副市长' });
    expect(readWho('市长')).toEqual({ person: null, position: '市长' });
    expect(readWho('副省长陈某某')).toEqual({ person: '陈某某', position: '副省长' });
    expect(readWho('王某某同志（市政府秘书长）')).toEqual({ person: '王某某', position: '市政府秘书长' });
  });
});

describe('the adjusted composition written as a roster', () => {
  it('reads 组长 / 副组长 / 成员 lines as restating those roles, members one a line', () => {
    const n = adjust(
      [
        `因人员变动，现将调整后的${BODY}组成人员名单通知如下：`,
        '组　长：张某某　县长',
        '副组长：李某　县委常委、常务副县长',
        '　　　　周某某　副县长',
        '成　员：吴某某　县农业农村局局长',
        '　　　　郑某　县住房和城乡建设局局长',
      ].join('\n'),
    );
    const d = n.targets[0]?.delta;
    expect(d?.roles.map((r) => [r.kind, r.person, r.position])).toEqual([
      ['convener', '张某某', '县长'],
      ['deputy_convener', '李某', '县委常委、常务副县长'],
      ['deputy_convener', '周某某', '副县长'],
      ['member', '吴某某', '县农业农村局局长'],
      ['member', '郑某', '县住房和城乡建设局局长'],
    ]);
    expect(d?.replacesRoles).toEqual(['convener', 'deputy_convener', 'member']);
  });
});
