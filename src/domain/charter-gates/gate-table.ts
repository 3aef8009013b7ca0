/**
 * The one table of the charter gates: for every step the charter governs, the rule types it
 * consults, how those rules bind by meeting kind, the default for a silent charter and the file
 * that enforces it. Beside it, every other rule type the importer produces, with the place that
 * consumes it or the reason it is information only. `RULE_TYPE_COVERAGE` is a record over every
 * `Rule['type']`: a new rule type that no gate consumes and that is not listed fails the build
 * (and test/domain/charter-gates/rule-coverage.test.ts checks each entry against the code). Pure.
 */
import type { RuleType } from '../charter/charter-types.ts';
import type { GateDefault, GateStep } from './gate-types.ts';

/** The prefix every decision by default carries (the charter says nothing on the matter). */
export const DEFAULT_PREFIX = '本机构制度未规定，按系统默认规则';

/** How a step's rules bind a meeting of a kind (see rule-binding.ts). */
export type GateBinding =
  /** A rule stated for the kind binds it; else a rule stated generally (any meeting) does */
  | 'meeting_kind'
  /** A rule stated for group meetings (the groups' own rules) binds them alone; else the group's leaders or the body's general presiders */
  | 'group_meetings'
  /** The rule names no meeting kind: it binds the whole charter */
  | 'charter'
  /** Bound by the name a document is issued in (the body or its office) and who initiates it */
  | 'document_name';

export interface GateTableRow {
  step: GateStep;
  /** The step in Chinese */
  label: string;
  /** The rule types the gate consults */
  ruleTypes: readonly RuleType[];
  binding: GateBinding;
  /** What holds when the charter is silent */
  default: GateDefault;
  /** The one file where the step is decided */
  file: string;
}

const GATES = 'src/domain/charter-gates';

/** Steps × rule types × defaults. */
export const CHARTER_GATE_TABLE: readonly GateTableRow[] = [
  {
    step: 'preside',
    label: '主持会议',
    ruleTypes: ['presider'],
    binding: 'meeting_kind',
    default: { actors: ['convener', 'deputy_convener'], deputyNeedsDelegation: true, text: '会议由召集人主持，副召集人经召集人委托方可主持' },
    file: `${GATES}/meeting-gates.ts`,
  },
  {
    step: 'preside_group_meeting',
    label: '主持工作组会议',
    ruleTypes: ['presider'],
    binding: 'group_meetings',
    default: {
      actors: ['group_leader', 'convener', 'deputy_convener'],
      deputyNeedsDelegation: true,
      text: '工作组会议由该组组长（牵头单位的成员或办公室设定的组长）主持，也可由主持本机构会议的人员主持',
    },
    file: `${GATES}/meeting-gates.ts`,
  },
  {
    step: 'delegate_presiding',
    label: '委托副召集人主持会议',
    ruleTypes: ['presider'],
    binding: 'meeting_kind',
    default: { actors: ['convener'], deputyNeedsDelegation: false, text: '召集人可委托副召集人主持会议' },
    file: `${GATES}/meeting-gates.ts`,
  },
  {
    step: 'propose_agenda',
    label: '提出议题',
    ruleTypes: ['agenda_approval'],
    binding: 'meeting_kind',
    default: { actors: ['office', 'member_unit', 'member', 'liaison'], deputyNeedsDelegation: false, text: '办公室和各成员单位（限本单位）均可提出议题' },
    file: `${GATES}/meeting-gates.ts`,
  },
  {
    step: 'approve_agenda',
    label: '审核议题',
    ruleTypes: ['agenda_approval'],
    binding: 'meeting_kind',
    default: { actors: ['convener', 'deputy_convener', 'office'], deputyNeedsDelegation: false, text: '议题由召集人、副召集人或办公室审核' },
    file: `${GATES}/meeting-gates.ts`,
  },
  {
    step: 'approve_observers',
    label: '确定列席人员',
    ruleTypes: ['attendance'],
    binding: 'meeting_kind',
    default: { actors: ['office'], deputyNeedsDelegation: false, text: '列席人员由办公室确定' },
    file: `${GATES}/meeting-gates.ts`,
  },
  {
    step: 'attend',
    label: '出席（代为出席、联络员带意见参会）',
    ruleTypes: ['attendance'],
    binding: 'meeting_kind',
    default: { actors: null, deputyNeedsDelegation: false, text: '成员因故不能出席的，可由本单位其他负责人代为出席，或由联络员带本单位意见参会' },
    file: `${GATES}/meeting-gates.ts`,
  },
  {
    step: 'sign_off_minutes',
    label: '审定（签发）会议纪要',
    ruleTypes: ['minutes_signoff'],
    binding: 'charter',
    default: { actors: ['convener', 'deputy_convener'], deputyNeedsDelegation: false, text: '会议纪要由召集人或副召集人审定' },
    file: `${GATES}/meeting-gates.ts`,
  },
  {
    step: 'review_document',
    label: '审核对外行文',
    ruleTypes: ['document_signing'],
    binding: 'document_name',
    default: { actors: null, deputyNeedsDelegation: false, text: '对外行文无须另行审核' },
    file: `${GATES}/document-gates.ts`,
  },
  {
    step: 'sign_document',
    label: '签发对外行文',
    ruleTypes: ['document_signing'],
    binding: 'document_name',
    default: {
      actors: ['convener', 'deputy_convener', 'office'],
      deputyNeedsDelegation: false,
      text: '以本机构名义的行文由召集人、副召集人或办公室签发，以办公室名义的行文由办公室签发',
    },
    file: `${GATES}/document-gates.ts`,
  },
  {
    step: 'set_handling_deadline',
    label: '确定办理时限',
    ruleTypes: ['handling_deadline'],
    binding: 'charter',
    default: { actors: null, deputyNeedsDelegation: false, text: '办理时限不设上限，由会议确定' },
    file: `${GATES}/deadline-gate.ts`,
  },
  {
    step: 'change_membership',
    label: '调整成员',
    ruleTypes: ['membership_change'],
    binding: 'charter',
    default: { actors: ['office'], deputyNeedsDelegation: false, text: '成员单位人员调整由所在单位或办公室提出，经办公室确认后生效' },
    file: `${GATES}/membership-change-gate.ts`,
  },
  {
    step: 'change_liaison',
    label: '调整联络员',
    ruleTypes: ['membership_change'],
    binding: 'charter',
    default: { actors: ['office'], deputyNeedsDelegation: false, text: '成员单位人员调整由所在单位或办公室提出，经办公室确认后生效' },
    file: `${GATES}/membership-change-gate.ts`,
  },
];

/** The row of a step. */
export function gateRow(step: GateStep): GateTableRow {
  const row = CHARTER_GATE_TABLE.find((r) => r.step === step);
  if (row === undefined) throw new Error(`no charter gate for step ${step}`);
  return row;
}

/** What becomes of each rule type the importer produces. */
export type RuleTypeCoverage =
  /** Consulted by the gates of these steps */
  | { by: 'gate'; steps: readonly GateStep[] }
  /** Consumed outside the gates, by the named file (not about who may act) */
  | { by: 'elsewhere'; file: string; use: string }
  /** Shown in the charter view only, on purpose, for the reason given */
  | { by: 'information_only'; reason: string };

/** Every rule type, and where it takes effect. A new rule type must be added here (the compiler says so). */
export const RULE_TYPE_COVERAGE: Record<RuleType, RuleTypeCoverage> = {
  presider: { by: 'gate', steps: ['preside', 'preside_group_meeting', 'delegate_presiding'] },
  agenda_approval: { by: 'gate', steps: ['propose_agenda', 'approve_agenda'] },
  attendance: { by: 'gate', steps: ['approve_observers', 'attend'] },
  minutes_signoff: { by: 'gate', steps: ['sign_off_minutes'] },
  document_signing: { by: 'gate', steps: ['review_document', 'sign_document'] },
  handling_deadline: { by: 'gate', steps: ['set_handling_deadline'] },
  membership_change: { by: 'gate', steps: ['change_membership', 'change_liaison'] },
  pre_meeting: {
    by: 'elsewhere',
    file: 'src/domain/meetings/meeting-rules.ts',
    use: '会前会议：新建会议时核对其所准备的会议类型和先后（preMeetingRule）',
  },
  minutes_distribution: {
    by: 'elsewhere',
    file: 'src/domain/meetings/meeting-rules.ts',
    use: '纪要分送范围：印发纪要时的抄报、抄送（minutesDistributionRule）',
  },
  meeting_frequency: {
    by: 'elsewhere',
    file: 'src/domain/supervision/meeting-frequency-compliance.ts',
    use: '会议频次：督办按年核对各类会议的召开次数（“每年至少召开1次”）',
  },
  decision_tracking: {
    by: 'information_only',
    reason: '议定事项一律由办公室督办（督办模块），本条只说明由谁跟踪、是否通报，不改变任何人的权限',
  },
  info_report_quota: {
    by: 'elsewhere',
    file: 'src/domain/reports/report-quota.ts',
    use: '信息报送：报送单位（成员单位或专题组）按期（月、季度）的报送数量，报送统计、期末提醒和完成情况（resolveReportQuota）',
  },
  annual_report: {
    by: 'elsewhere',
    file: 'src/domain/reports/annual-rules.ts',
    use: '年度工作报告：每年向谁报告、哪些单位报送，据此发起年度征集任务并汇总编制本机构的年度工作报告（annualPlan）',
  },
  bulletin: {
    by: 'elsewhere',
    file: 'src/domain/outgoing-documents/bulletin-series.ts',
    use: '简报、专报：制度规定的简报名称和报、送范围（bulletinSeriesOf），办公室按此编印、按发文流程签发',
  },
};
