/**
 * Patterns met in real founding documents the seeds do not have. Each text is synthetic, written in
 * the shape of the real one (invented bodies, units and people), and reproduces one pattern.
 */
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';

function charterOf(raw: string): Charter {
  const result = importCharter(raw);
  if (!result.ok) throw new Error(result.error.message);
  return result.charter;
}

function slice(c: Charter, span: { start: number; end: number }): string {
  return c.normalizedText.slice(span.start, span.end);
}

describe('a law-site page: metadata written without colons, no title, a 总召集人 above 召集人', () => {
  const raw = [
    '发文机关国务院',
    '发文日期2011年03月09日',
    '时效性现行有效',
    '发文字号国函〔2011〕17号',
    '施行日期2011年03月09日',
    '效力级别国务院规范性文件',
    '林业局：',
    '你局关于建立某某工作部际联席会议制度的请示收悉。现批复如下：',
    '同意建立由林业局牵头的某某保护工作部际联席会议制度。联席会议不刻制印章，不正式行文。',
    '附件：某某保护工作部际联席会议制度',
    '一、成员单位',
    '联席会议由林业局、财政部、水利部、农业部、海洋局等5个部门和单位组成。联席会议由林业局局长担任总召集人，林业局分管负责同志担任召集人。',
    '联席会议日常工作由林业局保护司（某某保护办公室）承担。联席会议设联络员，由联席会议成员单位有关司局的负责同志担任。',
    '二、工作规则',
    '联席会议不定期召开会议，由总召集人或召集人主持。联席会议以纪要形式明确议定事项，印发有关方面。重大事项要及时向国务院报告。',
  ].join('\n');
  const c = charterOf(raw);

  it('reads issuer, date and number from the colon-less metadata block, and drops its other fields', () => {
    expect(c.foundingDocument.issuer).toBe('国务院');
    expect(c.foundingDocument.issueDate).toBe('2011-03-09');
    expect(c.foundingDocument.docNumber).toBe('国函〔2011〕17号');
    expect(c.normalizedText).not.toContain('效力级别');
    expect(c.findings.map((f) => f.code)).not.toContain('no_doc_number');
  });
  it('finds the addressee line although the page has no title', () => {
    expect(c.foundingDocument.addressees).toEqual(['林业局']);
  });
  it('strips 由X牵头的 from the body name', () => {
    expect(c.body.name).toBe('某某保护工作部际联席会议');
    expect(slice(c, c.body.source)).toBe('某某保护工作部际联席会议');
  });
  it('takes the 日常工作由…承担 unit as the office host, its parenthesis being an alias', () => {
    expect(c.office?.hostUnit).toBe('林业局保护司');
  });
  it('keeps the level of the unit before 的 in the liaison post', () => {
    expect(c.liaison?.position).toBe('司局负责同志');
  });
  it('resolves the rules’ role titles against the composition (召集人 under a 总召集人 is a deputy)', () => {
    expect(c.roles.map((r) => [r.kind, r.title])).toEqual([
      ['convener', '总召集人'],
      ['deputy_convener', '召集人'],
    ]);
    const presider = c.rules.find((r) => r.type === 'presider');
    expect(presider).toMatchObject({ roles: ['convener', 'deputy_convener'] });
  });
  it('reads 重大事项要及时向X报告 as escalation to X', () => {
    const distribution = c.rules.find((r) => r.type === 'minutes_distribution');
    expect(distribution).toMatchObject({ escalateMajorMattersTo: ['国务院'] });
  });
});

describe('a title set apart over blank lines, and a list item without a unit suffix', () => {
  const raw = [
    '国务院关于同意建立某某建设',
    '',
    '部际联席会议制度的批复',
    '',
    '国函〔2006〕88号',
    '',
    '一、联席会议成员单位',
    '联席会议由发展改革委、教育部、民政部、全国总工会、共青团中央共5个部门和单位组成，发展改革委为牵头单位。',
  ].join('\n');
  const c = charterOf(raw);
  it('joins the title', () => {
    expect(c.foundingDocument.title).toBe('国务院关于同意建立某某建设部际联席会议制度的批复');
    expect(c.documents).toHaveLength(1);
  });
  it('keeps 共青团中央 in a list of units and reads 共N个 as the stated count', () => {
    expect(c.memberUnits.map((u) => u.name)).toEqual(['发展改革委', '教育部', '民政部', '全国总工会', '共青团中央']);
    expect(c.memberUnitsStated).toBe(5);
  });
});

describe('a national leading group notice with a spaced roster', () => {
  const raw = [
    '国务院办公厅关于成立第九次全国某某普查领导小组的通知',
    '国办发〔2030〕12号',
    '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
    '国务院决定成立第九次全国某某普查领导小组（以下简称领导小组）。现将有关事项通知如下：',
    '一、主要职责',
    '负责普查的组织和实施，协调解决普查中的重大问题。',
    '二、组成人员',
    '组  长：周大为 国务院副总理',
    '副组长：何 平 统计局局长',
    '成  员：郑 安 税务总局副局长',
    '赵小川 民政部副部长',
    '三、工作机构及其职责',
    '领导小组办公室设在统计局，承担领导小组的日常工作，督促落实领导小组议定事项，办公室主任由统计局副局长孙立新兼任。',
    '领导小组成员因工作变动需要调整的，由所在单位向领导小组办公室提出，报领导小组组长审批。',
  ].join('\n');
  const c = charterOf(raw);
  it('separates a padded two-character name from its post', () => {
    const members = c.roles.filter((r) => r.kind === 'member');
    expect(members.map((r) => [r.person, r.position, r.unit])).toEqual([
      ['郑安', '税务总局副局长', '税务总局'],
      ['赵小川', '民政部副部长', '民政部'],
    ]);
    expect(c.roles.find((r) => r.kind === 'deputy_convener')?.person).toBe('何平');
  });
  it('splits the office director’s post from the name after it', () => {
    expect(c.office?.director).toMatchObject({ person: '孙立新', position: '统计局副局长', unit: '统计局' });
  });
  it('does not take the 工作机构及其职责 section for the body’s functions', () => {
    expect(c.functions.map((f) => f.text)).toEqual(['负责普查的组织和实施，协调解决普查中的重大问题']);
  });
  it('reads a membership change proposed 向办公室 and approved 审批', () => {
    expect(c.rules.find((r) => r.type === 'membership_change')).toMatchObject({ proposedBy: '所在单位', confirmedBy: '领导小组组长' });
  });
});

describe('a roster with role headings alone on their lines', () => {
  const raw = [
    '某某省人民政府办公厅关于成立某某工作领导小组的通知',
    '二、组成人员',
    '组长：',
    '钱一鸣 副省长',
    '副组长：',
    '李春生 省体育局局长、省运动会组委会主席',
    '成员：',
    '王立 省委宣传部副部长',
    '陈东 省外办副主任兼省港澳办主任',
  ].join('\n');
  const c = charterOf(raw);
  it('does not glue a heading line to the entry before it', () => {
    expect(c.normalizedText).toContain('\n成员：\n');
    expect(c.roles.map((r) => r.kind)).toEqual(['convener', 'deputy_convener', 'member', 'member']);
  });
  it('takes the unit of the post before 兼', () => {
    expect(c.roles.at(-1)?.unit).toBe('省外办');
  });
});

describe('a provincial joint meeting whose members are the officials of listed units', () => {
  const raw = [
    '某某省人民政府办公厅关于印发某某省某某工作联席会议制度的通知',
    '二、组成人员',
    '联席会议由分管某某工作的省领导担任召集人，省某某厅主要负责同志担任副召集人。成员包括省委宣传部、省发展改革委、公安厅、民政厅等单位分管负责同志。',
    '三、工作机制',
    '（一）联席会议办公室设在省某某厅，办公室主任由省某某厅分管负责同志兼任。',
    '（二）联席会议建立联络员制度，各成员单位指定相关业务处室1名负责同志作为联络员。',
    '（三）联席会议协调的事项，形成会议纪要，印发各成员单位，同时上报省政府。',
    '（四）联席会议办公室负责跟踪、督促联席会议议定的事项的落实。',
  ].join('\n');
  const c = charterOf(raw);
  it('takes the listed units as member units and gives one member role per unit', () => {
    expect(c.memberUnits.map((u) => u.name)).toEqual(['省委宣传部', '省发展改革委', '省公安厅', '省民政厅']);
    const members = c.roles.filter((r) => r.kind === 'member');
    expect(members.map((r) => r.position)).toEqual(['省委宣传部分管负责同志', '省发展改革委分管负责同志', '省公安厅分管负责同志', '省民政厅分管负责同志']);
    expect(members.map((r) => r.unit)).toEqual(['省委宣传部', '省发展改革委', '省公安厅', '省民政厅']);
  });
  it('takes a count inside the liaison phrase', () => {
    expect(c.liaison).toMatchObject({ position: '业务处室负责同志', perUnit: 1 });
  });
  it('reads 同时上报 as a report copy upward', () => {
    expect(c.rules.find((r) => r.type === 'minutes_distribution')).toMatchObject({ toMemberUnits: true, reportCopyTo: ['省政府'], copyTo: [] });
  });
  it('tracks 议定的事项', () => {
    expect(c.rules.find((r) => r.type === 'decision_tracking')).toMatchObject({ trackedBy: ['office'] });
  });
});

describe('office posts given with their holders', () => {
  const raw = [
    '某某工作领导小组工作规则',
    '组长：',
    '吴海 市长',
    '一、领导小组办公室设在市民政局，办公室主任由市民政局局长方明兼任；常务副主任由市民政局副局长刘洋兼任；副主任由市教育局副局长林一，市公安局副局长黄河、市总工会副主席、党组成员白雪兼任。办公室成员需要调整的，由所在单位提出，报领导小组办公室备案。',
    '二、领导小组实行工作会议制度，工作会议由组长或其委托的副组长召集，根据工作需要定期或不定期召开。',
    '三、每2个月集中组织一次领导小组成员会议。',
  ].join('\n');
  const c = charterOf(raw);
  it('splits each post and holder, the 常务副主任 included', () => {
    expect(c.office?.director).toMatchObject({ person: '方明', position: '市民政局局长' });
    expect(c.office?.deputyDirectors.map((d) => [d.person, d.position])).toEqual([
      ['刘洋', '市民政局副局长'],
      ['林一', '市教育局副局长'],
      ['黄河', '市公安局副局长'],
      ['白雪', '市总工会副主席、党组成员'],
    ]);
  });
  it('does not read the office members’ change as the body members’', () => {
    expect(c.rules.filter((r) => r.type === 'membership_change')).toEqual([]);
  });
  it('reads 由…召集 as the presider and 定期或不定期召开 as the frequency', () => {
    expect(c.rules.find((r) => r.type === 'presider')).toMatchObject({ roles: ['convener', 'deputy_convener'], deputyNeedsDelegation: true });
    const frequencies = c.rules.filter((r) => r.type === 'meeting_frequency');
    expect(frequencies).toContainEqual(expect.objectContaining({ schedule: 'regular_or_irregular' }));
    expect(frequencies).toContainEqual(expect.objectContaining({ minPerYear: 6, schedule: 'regular' }));
  });
});

describe('a county headquarters (指挥部) whose members are given by post only', () => {
  const raw = [
    '某县人民政府办公室关于成立某县新城建设指挥部的通知',
    '经县政府研究同意，成立某县新城建设指挥部，现将组成人员通知如下：',
    '指挥长：甲某（县委副书记、县长）',
    '第一副指挥长：乙某（县委常委、常务副县长）',
    '副指挥长：丙某、丁某',
    '成员：县住建局局长、县财政局局长、县自然资源局局长',
    '指挥部下设办公室，办公室设在县住建局，办公室主任由乙某同志兼任。',
  ].join('\n');
  const c = charterOf(raw);
  it('gives one vacant member role per post, with its unit', () => {
    const members = c.roles.filter((r) => r.kind === 'member');
    expect(members.map((r) => [r.person, r.position, r.unit])).toEqual([
      [null, '县住建局局长', '县住建局'],
      [null, '县财政局局长', '县财政局'],
      [null, '县自然资源局局长', '县自然资源局'],
    ]);
    for (const m of members) expect(slice(c, m.source)).toBe(m.position);
    expect(c.memberUnits.map((u) => u.name)).toEqual(['县住建局', '县财政局', '县自然资源局']);
  });
  it('keeps 第一副指挥长 and the names-only deputies as deputy conveners', () => {
    expect(c.roles.filter((r) => r.kind === 'deputy_convener').map((r) => r.person)).toEqual(['乙某', '丙某', '丁某']);
  });
  it('takes the office director named alone from the roster, 常委 being a title', () => {
    expect(c.office?.director).toMatchObject({ person: '乙某', position: '县委常委、常务副县长', unit: '县委' });
  });
});

describe('a joint meeting founded by a notice of a government office (办公室关于…)', () => {
  const raw = [
    '某县人民政府办公室关于建立某县某某工作联席会议制度的通知',
    '各乡镇人民政府，县政府各部门：',
    '一、成员单位',
    '联席会议由县发展改革局、财政局、教育局等3个部门组成。联席会议由县政府分管副县长担任召集人，县发展改革局局长担任副召集人。联席会议办公室设在县发展改革局，办公室主任由县发展改革局分管副局长兼任。',
    '二、工作规则',
    '（一）联席会议根据工作需要，由联席会议办公室提出并报召集人同意后定期或不定期召开，由召集人或召集人委托副召集人主持。',
    '（二）在联席会议召开之前，由联席会议办公室主任主持召开联络员会议，研究讨论联席会议议题。',
  ].join('\n');
  const c = charterOf(raw);
  it('reads the rules as the body’s, not its office’s', () => {
    expect(c.rules.filter((r) => r.type === 'presider').map((r) => [r.meetingKind, r.roles])).toEqual([
      ['any', ['convener', 'deputy_convener']],
      ['liaison', ['office_director']],
    ]);
  });
  it('reads a schedule whose subject is the body itself, 召集人 not being an ad-hoc 召集', () => {
    expect(c.rules.find((r) => r.type === 'meeting_frequency')).toMatchObject({ meetingKind: 'any', schedule: 'regular_or_irregular' });
  });
  it('gives the office director the unit of a 分管副局长', () => {
    expect(c.office?.director).toMatchObject({ position: '县发展改革局分管副局长', unit: '县发展改革局' });
  });
});

describe('a portal page whose metadata labels stand on their own lines, values below', () => {
  const raw = [
    '返回顶部',
    '',
    '某县某某工作领导小组工作规则',
    '',
    '  • 索引号:',
    '',
    '    1234567890/2031-000001',
    '  • 主题分类:',
    '',
    '  • 发文机构:',
    '',
    '    县政府网站',
    '  • 发文字号:',
    '',
    '    某政发〔2031〕7号',
    '  • 发文日期:',
    '',
    '    2031年04月06日 16:40',
    '  • 内容概述:',
    '',
    '某县某某工作领导小组工作规则',
    '',
    '一、领导小组由县长任组长，常务副县长任副组长，县发展改革局、县财政局主要负责同志为成员。',
  ].join('\n');
  const c = charterOf(raw);
  it('pairs each label with its value and drops the index number', () => {
    expect(c.foundingDocument.docNumber).toBe('某政发〔2031〕7号');
    expect(c.foundingDocument.issueDate).toBe('2031-04-06');
    expect(c.normalizedText).not.toContain('1234567890');
    expect(c.documents).toHaveLength(1);
  });
  it('does not read the site name as the issuer', () => {
    expect(c.foundingDocument.issuer).toBeNull();
  });
  it('reads a positional role after the body’s full name and 由', () => {
    const named = charterOf('某市某某工作领导小组组成\n某市某某工作领导小组由市长任组长，分管副市长任副组长。\n');
    expect(named.roles.map((r) => [r.kind, r.position])).toEqual([
      ['convener', '市长'],
      ['deputy_convener', '分管副市长'],
    ]);
  });
  it('reads a positional role after a numbering label', () => {
    expect(c.roles.filter((r) => r.kind !== 'member').map((r) => [r.kind, r.position])).toEqual([
      ['convener', '县长'],
      ['deputy_convener', '常务副县长'],
    ]);
  });
});

describe('meeting periods in weeks, days and bare months', () => {
  const raw = [
    '某区某某工作专班工作机制',
    '一、工作专班全体会议原则上两个月召开一次，由组长主持。',
    '二、专班工作例会每周召开一次。',
    '三、专班办公室会议每10天召开一次。',
  ].join('\n');
  const c = charterOf(raw);
  it('reads the minimum number of meetings a year', () => {
    const frequencies = c.rules.filter((r) => r.type === 'meeting_frequency');
    expect(frequencies.map((r) => [r.meetingKind, r.minPerYear])).toEqual([
      ['plenary', 6],
      ['working', 52],
      ['office', 36.5],
    ]);
  });
});

describe('a metadata line whose labels are spread with spaces', () => {
  const raw = [
    '索 引 号：12345/2031-00013  主题分类：综合政务',
    '发文字号：某政办〔2031〕3号',
    '某市某某工作联席会议制度',
    '联席会议由市发展改革委、市财政局、市教育局等3个部门组成。',
  ].join('\n');
  const c = charterOf(raw);
  it('drops the spread label’s field', () => {
    expect(c.normalizedText).not.toContain('12345');
    expect(c.foundingDocument.docNumber).toBe('某政办〔2031〕3号');
  });
});

describe('a reposted reply with a publisher line, a web address and a site name above the addressee', () => {
  const raw = [
    '发布人:Someone 最后修改人:Someone 更新时间:2031-12-02',
    '',
    '国务院关于同意建立某某工作部际联席会议制度的批复',
    '',
    '国函〔2031〕146号',
    '',
    'http://www.example.gov.cn/zhengce/content/2031-08/25/content_1.htm',
    '',
    '中华人民共和国中央人民政府',
    '',
    '某某委：',
    '',
    '同意建立由国务院领导同志牵头负责的某某工作部际联席会议制度。撤销原某某部际联席会议，其职能并入某某工作部际联席会议。',
    '',
    '国务院',
    '',
    '2031年8月19日',
  ].join('\n');
  const c = charterOf(raw);
  it('drops the publisher line and the address and keeps the header facts', () => {
    expect(c.normalizedText).not.toContain('Someone');
    expect(c.normalizedText).not.toContain('http');
    expect(c.foundingDocument).toMatchObject({
      title: '国务院关于同意建立某某工作部际联席会议制度的批复',
      docNumber: '国函〔2031〕146号',
      addressees: ['某某委'],
      issueDate: '2031-08-19',
    });
    expect(c.body.name).toBe('某某工作部际联席会议');
    expect(c.sunset).toBeNull();
  });
});

describe('the unit a deputy’s post names outside the member list', () => {
  const raw = [
    '某某工作领导小组组成人员名单',
    '组  长：周大为 国务院副总理',
    '副组长：何 平 统计局局长',
    '        朱小明 发展改革委副主任',
    '成  员：郑 安 税务总局副局长',
  ].join('\n');
  const c = charterOf(raw);
  it('is kept on the role; a government is not taken for a unit', () => {
    expect(c.roles.map((r) => [r.person, r.unit])).toEqual([
      ['周大为', null],
      ['何平', '统计局'],
      ['朱小明', '发展改革委'],
      ['郑安', '税务总局'],
    ]);
  });
});

describe('a task force plan whose groups are numbered lines with their lead and co-handling units', () => {
  const raw = [
    '某市某某工作专班工作方案',
    '一、专班组成',
    '工作专班由市长任组长，分管副市长任副组长，市发展改革委、市财政局、市住建局主要负责同志为成员。',
    '专班下设综合协调组、项目推进组2个工作组：',
    '（一）综合协调组。由市发展改革委牵头，市财政局配合。负责统筹协调、信息汇总。',
    '（二）项目推进组。由市住建局牵头，市发展改革委、市财政局配合。负责项目调度。',
    '二、工作机制',
    '专班实行周调度制度，每周召开一次调度会，由副组长主持。',
  ].join('\n');
  const c = charterOf(raw);
  it('names the body from a 方案 title', () => {
    expect(c.body).toMatchObject({ name: '某市某某工作专班', kind: 'task_force' });
  });
  it('reads each group’s lead, co-handling units and duty, and no group lead becomes the body’s', () => {
    expect(c.groups.map((g) => [g.name, g.leadUnits, g.memberUnits, g.duties])).toEqual([
      ['综合协调组', ['市发展改革委'], ['市财政局'], ['负责统筹协调、信息汇总']],
      ['项目推进组', ['市住建局'], ['市发展改革委', '市财政局'], ['负责项目调度']],
    ]);
    expect(c.memberUnits.filter((u) => u.lead)).toEqual([]);
    expect(c.findings.map((f) => f.code)).not.toContain('group_count_mismatch');
  });
  it('reads a 调度会 as a working meeting', () => {
    expect(c.rules.find((r) => r.type === 'meeting_frequency')).toMatchObject({ meetingKind: 'working', minPerYear: 52 });
    expect(c.rules.find((r) => r.type === 'presider')).toMatchObject({ meetingKind: 'working', roles: ['deputy_convener'] });
  });
});

describe('functions listed as numbered items under their heading', () => {
  const raw = [
    '某某省某某工作联席会议制度',
    '一、主要职能',
    '（一）统筹协调全省某某工作。',
    '（二）研究解决某某工作中的重大问题。',
    '（三）联席会议办公室职责：承担日常工作。',
    '二、组成人员',
    '联席会议由省政府分管副省长担任召集人。',
  ].join('\n');
  const c = charterOf(raw);
  it('takes each item, not the office’s', () => {
    expect(c.functions.map((f) => f.text)).toEqual(['统筹协调全省某某工作', '研究解决某某工作中的重大问题']);
    for (const f of c.functions) expect(slice(c, f.source)).toBe(f.text);
  });
});

describe('a progress report due every period without a stated number', () => {
  const raw = [
    '某某工作联席会议制度',
    '四、工作要求',
    '各成员单位要认真落实联席会议议定事项，每季度向联席会议办公室报送工作进展情况。',
  ].join('\n');
  const c = charterOf(raw);
  it('is one report a period from the member units to the office', () => {
    expect(c.rules.find((r) => r.type === 'info_report_quota')).toMatchObject({
      reporter: 'member_unit',
      count: 1,
      periodMonths: 3,
      reportTo: ['office'],
    });
  });
});

describe('a number glued to its date under the title, and daily work given to a unit’s sections', () => {
  const raw = [
    '某市人民政府办公室关于成立市某某建设领导小组的通知',
    '某府办函[2031]248号2031年12月16日某某省',
    '',
    '各镇人民政府，市府直属有关单位：',
    '  市政府决定成立市某某建设领导小组。领导小组成员名单如下：',
    '  组 长：张某某（市政府副市长）',
    '  成员：',
    '  何某某（市财政局）',
    '  钟某（市建设局）',
    '  领导小组不设办公室，日常工作由市卫生局有关科室承担，任务完成后自行撤销。',
  ].join('\n');
  const c = charterOf(raw);
  it('reads the number and the addressees', () => {
    expect(c.foundingDocument.docNumber).toBe('某府办函〔2031〕248号');
    expect(c.foundingDocument.addressees).toEqual(['各镇人民政府', '市府直属有关单位']);
  });
  it('takes the unit, not its sections, as the host of the daily work', () => {
    expect(c.office?.hostUnit).toBe('市卫生局');
  });
});

describe('a national census group named only in the text, its heads given by name', () => {
  const raw = [
    '关于成立某某工作机构的通知',
    '国务院决定成立第二次全国某某普查领导小组。',
    '一、领导小组由张某某同志任组长，李某某同志任副组长。',
  ].join('\n');
  const c = charterOf(raw);
  it('is national by 全国 in its name', () => {
    expect(c.body).toMatchObject({ name: '第二次全国某某普查领导小组', level: 'national' });
  });
  it('takes a name followed by 同志 as the person, with no post', () => {
    expect(c.roles.map((r) => [r.kind, r.person, r.position])).toEqual([
      ['convener', '张某某', null],
      ['deputy_convener', '李某某', null],
    ]);
  });
});
