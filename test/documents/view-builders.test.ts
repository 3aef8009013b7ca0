/** The view builders: what the renderers print, from what the meetings and decisions services return. */
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../src/domain/charter/charter-types.ts';
import { buildCircularView, buildMinutesView, toLedgerRow } from '../../src/services/document-view-builders.ts';
import type { CircularForRendering } from '../../src/services/circular-service.ts';
import type { LedgerRow } from '../../src/services/decisions/decision-ledger.ts';
import type { MinutesForRendering } from '../../src/services/meetings/minutes-rendering.ts';

const span = { start: 0, end: 1 };
const charter: Pick<Charter, 'rules' | 'flags'> = {
  rules: [{ type: 'handling_deadline', workingDays: 7, coHandledWorkingDays: 10, document: 0, clause: '第十五条', source: span }],
  flags: { noSeal: false, noFormalDocuments: false, notRegisteredBody: false, sources: { noSeal: null, noFormalDocuments: null, notRegisteredBody: null } },
};

function minutesData(overrides: Partial<MinutesForRendering['minutes']> = {}): MinutesForRendering {
  return {
    body: { id: 'b', name: '某某协调小组', regionName: null, noFormalDocuments: false, officeHostUnitName: null },
    meeting: { id: 'm', kind: 'plenary', kindName: '全体会议', title: '全体会议', startsAt: '2024-03-01T01:00:00Z', endsAt: null, location: null, status: 'minutes_issued', presider: null, deputies: [], agenda: [] },
    minutes: {
      id: 'x',
      bodyId: 'b',
      meetingId: 'm',
      status: 'draft',
      title: '纪要',
      proceedings: '第一段。\n\n一、第二段\n',
      decidedItems: [],
      signedOffBy: null,
      signedOffAs: null,
      signedOffAt: null,
      year: null,
      number: null,
      issuedOn: null,
      issuedAt: null,
      distribution: null,
      decisionIds: [],
      correctsMinutesId: null,
      correctedBy: [],
      attendance: {
        attended: [
          { unitName: '甲单位', personName: '张三', substitute: false, position: null },
          { unitName: '乙单位', personName: '李四', substitute: true, position: '副主任' },
        ],
        liaisonsWithOpinion: [{ unitName: '丙单位', opinion: '同意' }],
        absentWithLeave: [{ unitName: '丁单位', personName: '王五', reason: '出差' }],
        absent: [{ unitName: '戊单位', personName: null }],
      },
      observers: [{ name: '赵六', unitName: null }],
      version: 1,
      updatedAt: '2024-03-01T01:00:00Z',
      ...overrides,
    },
    decidedItems: [
      { text: '甲事项', leadUnitName: '甲单位', coUnitNames: ['乙单位'], deadline: { kind: 'charter_default' } },
      { text: '乙事项', leadUnitName: '乙单位', coUnitNames: [], deadline: { kind: 'charter_default' } },
      { text: '丙事项', leadUnitName: '丙单位', coUnitNames: [], deadline: { kind: 'date', date: '2024-05-01' } },
    ],
    signedOff: null,
    corrects: null,
    distribution: { memberUnits: [{ unitId: 'u1', name: '甲单位' }, { unitId: 'u2', name: '乙单位' }], reportCopyTo: ['市政府'], copyTo: ['有关部门'] },
  };
}

describe('buildMinutesView', () => {
  it('arranges a draft: 送审稿, deadlines as drafted (the charter default in working days), the lists', () => {
    const view = buildMinutesView(minutesData(), { charter, today: '2024-03-02', decisionDeadlines: new Map() });
    expect(view.issueNumber).toBeNull();
    expect(view.issueDate).toBe('2024-03-02');
    expect(view.issuingOffice).toBe('某某协调小组办公室');
    expect(view.proceedings).toEqual(['第一段。', '一、第二段']);
    expect(view.decisions.map((d) => d.deadline)).toEqual([
      { kind: 'working_days', days: 10 },
      { kind: 'working_days', days: 7 },
      { kind: 'date', date: '2024-05-01' },
    ]);
    expect(view.attendance.attended).toEqual([
      { unitName: '甲单位', personName: '张三', position: null, note: null },
      { unitName: '乙单位', personName: '李四', position: '副主任', note: '代' },
      { unitName: '丙单位', personName: null, note: '联络员，带书面意见' },
    ]);
    expect(view.attendance.absentWithLeave).toEqual([{ unitName: '丁单位', personName: '王五', note: '出差' }]);
    expect(view.attendance.observers).toEqual([{ unitName: null, personName: '赵六' }]);
    // the charter's copy-to wording is a 抄送 line of its own, not merged into 分送
    expect(view.imprint).toEqual({ reportCopyTo: ['市政府'], distributeTo: ['甲单位', '乙单位'], copyTo: ['有关部门'], printingOffice: '某某协调小组办公室', printDate: '2024-03-02' });
  });

  it('puts the presider first in 出席 and opens the minutes with date, presider and place', () => {
    const data = minutesData();
    const view = buildMinutesView(
      { ...data, meeting: { ...data.meeting, location: '市政府第一会议室', presider: { personName: '张三', title: '组长', position: '副市长' } } },
      { charter, today: '2024-03-02', decisionDeadlines: new Map() },
    );
    expect(view.attendance.attended[0]).toEqual({ unitName: null, personName: '张三', position: '副市长、组长' });
    // the presider is not listed again under the unit
    expect(view.attendance.attended.filter((a) => a.personName === '张三')).toHaveLength(1);
    expect(view.proceedings[0]).toBe('2024年3月1日，组长张三在市政府第一会议室主持召开某某协调小组全体会议。');
    expect(view.proceedings[1]).toBe('第一段。');
  });

  it('lists 出席 as the presider, then the deputies who attended, then the member units', () => {
    const data = minutesData();
    const view = buildMinutesView(
      {
        ...data,
        meeting: {
          ...data.meeting,
          presider: { personName: '周一', title: '召集人', position: '副市长' },
          deputies: [
            { personName: '钱七', title: '副召集人', position: '市政府副秘书长' },
            { personName: '孙八', title: '副召集人', position: null },
          ],
        },
      },
      { charter, today: '2024-03-02', decisionDeadlines: new Map() },
    );
    expect(view.attendance.attended.slice(0, 3)).toEqual([
      { unitName: null, personName: '周一', position: '副市长、召集人' },
      { unitName: null, personName: '钱七', position: '市政府副秘书长、副召集人' },
      { unitName: null, personName: '孙八', position: '副召集人' },
    ]);
    // the member units follow, in their order
    expect(view.attendance.attended.slice(3).map((a) => a.unitName)).toEqual(data.minutes.attendance.attended.map((a) => a.unitName).concat(data.minutes.attendance.liaisonsWithOpinion.map((a) => a.unitName)));
  });

  it('uses the issued number, date and the assigned decisions’ computed deadlines', () => {
    const view = buildMinutesView(minutesData({ status: 'issued', year: 2024, number: 4, issuedOn: '2024-03-05' }), {
      charter,
      today: '2024-03-09',
      decisionDeadlines: new Map([
        [1, '2024-03-19'],
        [2, '2024-03-14'],
        [3, '2024-05-01'],
      ]),
    });
    expect(view.issueNumber).toBe(4);
    expect(view.issueDate).toBe('2024-03-05');
    expect(view.decisions.map((d) => d.deadline)).toEqual([
      { kind: 'date', date: '2024-03-19' },
      { kind: 'date', date: '2024-03-14' },
      { kind: 'date', date: '2024-05-01' },
    ]);
  });
});

describe('circular and ledger rows', () => {
  const row: LedgerRow = {
    id: 'd',
    bodyId: 'b',
    meetingId: 'm',
    minutesId: 'x',
    itemNo: 1,
    text: '甲事项',
    leadUnit: { unitId: 'u1', name: '甲单位' },
    coUnits: [{ unitId: 'u2', name: '乙单位' }],
    issuedOn: '2024-03-05',
    deadline: '2024-03-19',
    deadlineProvisional: false,
    deadlineProvisionalReasons: [],
    status: 'in_progress',
    statusName: '办理中',
    overdue: true,
    workingDaysLeft: null,
    workingDaysOverdue: 3,
    standingProvisional: false,
    completionReportedAt: null,
    closedAt: null,
    meetingTitle: '全体会议',
    minutesTitle: '纪要',
    minutesYear: 2024,
    minutesNumber: 4,
    latestProgress: { text: '已起草', at: '2024-03-20T17:00:00Z', unitId: 'u1' },
    escalationRung: 'none',
  };

  it('counts overdue as negative working days left and dates progress in Asia/Shanghai', () => {
    expect(toLedgerRow(row, '某某协调小组')).toMatchObject({
      minutesLabel: '2024年第4期',
      workingDaysLeft: -3,
      coUnits: ['乙单位'],
      latestProgress: '已起草',
      latestProgressAt: '2024-03-21',
    });
    expect(toLedgerRow({ ...row, status: 'closed', overdue: false }, '某某协调小组').workingDaysLeft).toBeNull();
  });

  it('builds the circular in the body’s name with a seal area unless 不刻制印章', () => {
    const circular: CircularForRendering = {
      id: 'c',
      bodyId: 'b',
      year: 2024,
      number: 1,
      asOf: '2024-03-25',
      createdAt: '2024-03-25T01:00:00Z',
      createdBy: null,
      openCount: 1,
      overdueCount: 1,
      escalatedCount: 0,
      bodyName: '某某协调小组',
      items: [
        {
          decisionId: 'd',
          itemNo: 1,
          text: '甲事项',
          leadUnitName: '甲单位',
          coUnitNames: [],
          meetingTitle: '全体会议',
          minutesTitle: '纪要',
          minutesYear: 2024,
          minutesNumber: 4,
          issuedOn: '2024-03-05',
          deadline: '2024-03-19',
          deadlineProvisional: false,
          status: 'in_progress',
          statusName: '办理中',
          overdue: true,
          workingDaysLeft: null,
          workingDaysOverdue: 3,
          latestProgress: null,
        },
      ],
    };
    const view = buildCircularView(circular, { charter });
    expect(view.signature).toEqual({ issuerName: '某某协调小组', date: '2024-03-25', sealed: true });
    expect(view.items[0]).toMatchObject({ workingDaysLeft: -3, source: '全体会议（纪要2024年第4期）' });
    const unsealed = buildCircularView(circular, { charter: { ...charter, flags: { ...charter.flags, noSeal: true } } });
    expect(unsealed.signature.sealed).toBe(false);
  });
});
