/** View models for the renderer tests (synthetic: the renderers see only what a view holds). */
import type {
  CircularView,
  LedgerWorkbookView,
  MeetingInvitationView,
  MeetingNoticeView,
  MinutesDocumentView,
} from '../../src/documents/document-views.ts';

export const UNITS = ['省商务厅', '省发展改革委', '省财政厅', '省教育厅', '省科技厅', '省工业和信息化厅', '省公安厅', '省人力资源社会保障厅'];
const PEOPLE = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八'];

export function minutesView(overrides: Partial<MinutesDocumentView> = {}): MinutesDocumentView {
  return {
    bodyName: '广东省测试工作部门间联席会议',
    issueNumber: 3,
    issueYear: 2024,
    issuingOffice: '联席会议办公室',
    issueDate: '2024-03-05',
    meetingTitle: '第一次全体会议',
    proceedings: [
      '2024年3月1日，联席会议召开第一次全体会议，听取各成员单位工作情况汇报，研究部署下一阶段重点工作。现纪要如下：',
      '一、总体要求',
      '会议认为，各成员单位要加强协调配合。',
      '（一）关于工作机制。会议同意建立季度会商机制。',
      '1. 各单位明确一名联络员。',
      '（1）联络员名单于3月底前报办公室。',
    ],
    attendance: {
      attended: UNITS.slice(0, 6).map((unitName, i) => ({ unitName, personName: PEOPLE[i] ?? null, position: i === 0 ? '副厅长' : null })),
      absentWithLeave: [{ unitName: UNITS[6] ?? null, personName: PEOPLE[6] ?? null, note: '出差' }],
      observers: [{ unitName: UNITS[7] ?? null, personName: PEOPLE[7] ?? null }],
    },
    decisions: [
      { text: '制定年度工作要点', leadUnit: '省商务厅', coUnits: ['省财政厅', '省教育厅'], deadline: { kind: 'date', date: '2024-03-14' } },
      { text: '报送联络员名单', leadUnit: '省发展改革委', coUnits: [], deadline: null },
      { text: '研究提出配套政策', leadUnit: '省财政厅', coUnits: ['省商务厅'], deadline: { kind: 'working_days', days: 10 } },
    ],
    imprint: { reportCopyTo: ['省政府'], distributeTo: UNITS, printingOffice: '联席会议办公室', printDate: '2024-03-05' },
    correctsIssueNumber: null,
    ...overrides,
  };
}

export function noticeView(sealed: boolean): MeetingNoticeView {
  return {
    title: '关于召开测试工作部门间联席会议第一次全体会议的通知',
    addressees: ['各成员单位'],
    meetingName: '测试工作部门间联席会议第一次全体会议',
    startsAt: new Date('2024-03-05T01:30:00Z'),
    endsAt: new Date('2024-03-05T03:30:00Z'),
    location: '省政府第一会议室',
    presider: '召集人',
    agenda: ['审议年度工作要点', '听取成员单位工作汇报'],
    attendeeInstructions: ['各成员单位分管负责同志。'],
    invitees: UNITS.slice(0, 3).map((unitName, i) => ({ unitName, personName: PEOPLE[i] ?? null })),
    otherRequirements: ['请于3月4日前将参会人员名单报联席会议办公室。'],
    contact: { name: '周五', phone: '020-12345678' },
    signature: { issuerName: '测试工作部门间联席会议办公室', date: '2024-03-01', sealed },
    imprint: null,
  };
}

export function circularView(): CircularView {
  return {
    title: '关于会议议定事项落实情况的通报',
    number: 2,
    year: 2024,
    addressees: ['各成员单位'],
    asOf: '2024-04-01',
    items: [
      {
        text: '制定年度工作要点',
        leadUnit: '省商务厅',
        coUnits: ['省财政厅'],
        deadline: '2024-03-14',
        deadlineProvisional: false,
        workingDaysLeft: -11,
        statusLabel: '办理中',
        latestProgress: '已形成初稿',
        source: '第一次全体会议（纪要第3期）',
      },
      {
        text: '报送联络员名单',
        leadUnit: '省发展改革委',
        coUnits: [],
        deadline: '2024-04-10',
        deadlineProvisional: true,
        workingDaysLeft: 7,
        statusLabel: '已交办',
        latestProgress: null,
        source: '第一次全体会议（纪要第3期）',
      },
    ],
    signature: { issuerName: '测试工作部门间联席会议办公室', date: '2024-04-01', sealed: false },
    imprint: { reportCopyTo: [], distributeTo: ['各成员单位'], printingOffice: '测试工作部门间联席会议办公室', printDate: '2024-04-01' },
  };
}

export function ledgerView(): LedgerWorkbookView {
  return {
    title: '省商务厅督办台账',
    asOf: '2024-04-01',
    sheets: [
      {
        name: '广东省测试工作部门间联席会议',
        title: '广东省测试工作部门间联席会议议定事项督办台账',
        rows: [
          {
            bodyName: '广东省测试工作部门间联席会议',
            meetingName: '第一次全体会议',
            issuedOn: '2024-03-01',
            minutesLabel: '2024年第3期',
            itemNo: 1,
            text: '制定年度工作要点',
            leadUnit: '省商务厅',
            coUnits: ['省财政厅', '省教育厅'],
            deadline: '2024-03-14',
            deadlineProvisional: false,
            workingDaysLeft: -11,
            statusLabel: '办理中',
            latestProgress: '已形成初稿',
            latestProgressAt: '2024-03-20',
          },
          {
            bodyName: '广东省测试工作部门间联席会议',
            meetingName: '第一次全体会议',
            issuedOn: '2024-03-01',
            minutesLabel: '2024年第3期',
            itemNo: 2,
            text: '报送联络员名单',
            leadUnit: '省发展改革委',
            coUnits: [],
            deadline: '2024-04-10',
            deadlineProvisional: true,
            workingDaysLeft: 7,
            statusLabel: '已交办',
            latestProgress: null,
            latestProgressAt: null,
          },
        ],
      },
      { name: '另一个机构[测试]名字很长很长很长很长很长很长很长很长很长很长很长', title: '另一个机构督办台账', rows: [] },
    ],
  };
}

export function invitationView(overrides: Partial<MeetingInvitationView> = {}): MeetingInvitationView {
  return {
    uid: 'meeting-0d6c1f1e@lianxi.example',
    sequence: 0,
    method: 'REQUEST',
    summary: '测试工作部门间联席会议第一次全体会议',
    description: '议题：审议年度工作要点；听取成员单位工作汇报，\n请准时参加。',
    location: '省政府第一会议室',
    startsAt: new Date('2024-03-05T01:30:00Z'),
    endsAt: new Date('2024-03-05T03:30:00Z'),
    stamp: new Date('2024-03-01T02:00:00Z'),
    organizer: { name: '联席会议办公室', address: 'mailto:office@example.gov.cn' },
    attendees: [
      { name: '赵一（省商务厅）', address: 'mailto:zhao@example.gov.cn' },
      { name: '钱二（省发展改革委）', address: 'urn:uuid:7b0c2a9e-0000-4000-8000-000000000002' },
    ],
    ...overrides,
  };
}
