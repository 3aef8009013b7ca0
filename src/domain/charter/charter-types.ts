/**
 * The charter: a coordination body's founding document as structured data.
 *
 * This is the JSON contract of `lianxi charter import FILE --json` and of everything downstream
 * (storage, API, the rules engine). Every extracted item carries `source`: a span of
 * `normalizedText` that contains what was extracted from it.
 *
 * Names follow docs/glossary.md. Pure types: no I/O, no framework.
 */

/** Half-open span `[start, end)` of UTF-16 offsets into `Charter.normalizedText`. */
export interface SourceSpan {
  start: number;
  end: number;
}

/**
 * Maps normalized offsets back to the original text. Each run `[normStart, origStart]` says that
 * from `normStart` on (until the next run) normalized offset `n` comes from original offset
 * `origStart + (n - normStart)`. Runs are sorted by `normStart`; the first starts at 0.
 */
export type OffsetRun = [normStart: number, origStart: number];

/** `command`: a 指挥部 (指挥长 / 副指挥长), a leading body for an emergency or a project. */
export type BodyKind = 'joint_meeting' | 'task_force' | 'coordination_group' | 'leading_group' | 'command' | 'other';
export type BodyLevel = 'national' | 'provincial' | 'municipal' | 'county';

export interface Region {
  /** e.g. 某省, 某市 */
  name: string;
  /** GB/T 2260 code where known, e.g. '440000', '450300' */
  code: string | null;
  source: SourceSpan | null;
}

export interface CharterBody {
  name: string;
  kind: BodyKind;
  level: BodyLevel | null;
  region: Region | null;
  source: SourceSpan;
}

export interface DocNumberParts {
  /** 发文机关代字, e.g. 某办函 */
  issuerCode: string;
  year: number;
  serial: number;
}

export interface FoundingDocument {
  title: string;
  /** Normalised document number, e.g. 某政办〔2020〕1号, or null */
  docNumber: string | null;
  docNumberParts: DocNumberParts | null;
  issuer: string | null;
  /** ISO date (YYYY-MM-DD) or null */
  issueDate: string | null;
  addressees: string[];
  source: SourceSpan;
}

export interface CharterFlags {
  /** 不刻制印章 */
  noSeal: boolean;
  /** 不正式行文 */
  noFormalDocuments: boolean;
  /** 不纳入…议事协调机构管理 */
  notRegisteredBody: boolean;
  sources: {
    noSeal: SourceSpan | null;
    noFormalDocuments: SourceSpan | null;
    notRegisteredBody: SourceSpan | null;
  };
}

export interface Sunset {
  /** ISO date or null when the text gives none (工作完成后自行撤销) */
  date: string | null;
  text: string;
  source: SourceSpan;
}

export interface CharterFunction {
  text: string;
  source: SourceSpan;
}

export interface MemberUnit {
  /** Full name with any carried-over prefix restored, e.g. 省某某厅 */
  name: string;
  /** Names in parentheses after the unit, e.g. the 某某局 of 某某局(某某局) */
  aliases: string[];
  /** 牵头单位 of the body */
  lead: boolean;
  source: SourceSpan;
}

/** Role kinds of docs/glossary.md. */
export type RoleKind = 'convener' | 'deputy_convener' | 'member' | 'liaison';

export interface Role {
  kind: RoleKind;
  /** The document's own title: 召集人, 组长, 副组长, 成员 … */
  title: string;
  /** Person's name with spaces folded, or null when the role is given only as a position */
  person: string | null;
  /** e.g. 某某部副部长, 省政府分管某某工作的领导同志 */
  position: string | null;
  /** The member unit the position names, or null */
  unit: string | null;
  source: SourceSpan;
}

export interface OfficePost {
  person: string | null;
  position: string | null;
  /** Unit the post holder comes from */
  unit: string | null;
  source: SourceSpan;
}

export interface Office {
  /** 办公室设在… / 日常工作由…承担 */
  hostUnit: string | null;
  director: OfficePost | null;
  deputyDirectors: OfficePost[];
  duties: string[];
  source: SourceSpan;
}

export interface Liaison {
  /** Who serves as liaison: 处室负责同志, 司局负责同志, 科长 … */
  position: string;
  /** How many per member unit, where stated */
  perUnit: number | null;
  source: SourceSpan;
}

export type GroupKind = 'thematic' | 'support' | 'category';

export interface Group {
  kind: GroupKind;
  name: string;
  leadUnits: string[];
  memberUnits: string[];
  duties: string[];
  source: SourceSpan;
}

/** Meeting kinds of docs/glossary.md; `any` when a rule is not specific to one kind. */
export type MeetingKind = 'plenary' | 'topical' | 'liaison' | 'working' | 'office' | 'group' | 'any';

/** A role a rule names: a role kind, an office post, or the office itself. */
export type Actor =
  | 'convener'
  | 'deputy_convener'
  | 'member'
  | 'liaison'
  | 'office'
  | 'office_director'
  | 'office_deputy_director'
  | 'member_unit'
  | 'group'
  | 'group_leader'
  | 'body';

interface RuleBase {
  /** Which of the charter's documents the rule comes from (index into `documents`) */
  document: number;
  /** The clause it is stated in, as the document numbers it: 第十三条, 三、工作规则, （二） … */
  clause: string | null;
  source: SourceSpan;
}

export interface MeetingFrequencyRule extends RuleBase {
  type: 'meeting_frequency';
  meetingKind: MeetingKind;
  /** Minimum number of meetings per year, where stated */
  minPerYear: number | null;
  /** 定期 / 不定期 / 定期或不定期 / 根据工作需要 */
  schedule: 'regular' | 'irregular' | 'regular_or_irregular' | 'as_needed' | null;
}

export interface PresiderRule extends RuleBase {
  type: 'presider';
  meetingKind: MeetingKind;
  /** Who may preside */
  roles: Actor[];
  /** Whether a deputy convener needs a delegation (委托) from the convener */
  deputyNeedsDelegation: boolean;
}

export interface AgendaApprovalRule extends RuleBase {
  type: 'agenda_approval';
  meetingKind: MeetingKind;
  proposedBy: Actor[];
  approvedBy: Actor[];
  /** To whom a proposal goes when nobody approving is named (成员单位…向联席会议办公室提出召开会议的建议) */
  submittedTo?: Actor[];
  /** Whether the agenda (and meeting time) go out to members in advance (提前印发给各成员单位) */
  circulateInAdvance?: boolean;
}

export interface AttendanceRule extends RuleBase {
  type: 'attendance';
  /** 务必参加 / 必须出席: stated as mandatory; false when the text does not say so */
  mandatory: boolean;
  /** 派其他负责人出席 / 委托…代为出席: a substitute is expressly allowed; false when not stated */
  substituteAllowed: boolean;
  liaisonMayBringOpinion: boolean;
  /** The meeting the rule is about, where the text says */
  meetingKind?: MeetingKind;
  /** Who attends (会议出席人员为：组长、副组长、成员), where listed */
  attendees?: Actor[];
  /** Who decides the attendees or observers (列席人员由办公室提出建议，报组长确定), where stated */
  participantApproval?: ParticipantApproval;
}

export interface ParticipantApproval {
  /** 列席人员 (observers) or 出席人员 / 参会人员 (attendees) */
  participants: 'observers' | 'attendees';
  proposedBy: Actor[];
  approvedBy: Actor[];
  /** Whether a deputy convener approving needs a delegation (报组长（或由其委托副组长）确定) */
  deputyNeedsDelegation: boolean;
}

export interface PreMeetingRule extends RuleBase {
  type: 'pre_meeting';
  meetingKind: MeetingKind;
  before: MeetingKind;
  /** 可视情况召开 (at discretion) rather than 原则上先召开 / 应当先召开 */
  discretionary?: boolean;
}

export interface MinutesSignoffRule extends RuleBase {
  type: 'minutes_signoff';
  /** 审定 (approve) or 签发 (sign off) */
  action: 'approve' | 'sign_off';
  roles: Actor[];
}

export interface MinutesDistributionRule extends RuleBase {
  type: 'minutes_distribution';
  toMemberUnits: boolean;
  /** 抄报 / 报: upward, e.g. 省政府 */
  reportCopyTo: string[];
  /** 抄送 / other recipients */
  copyTo: string[];
  /** 重大事项按程序报批 / 报省委、省政府审定: where major matters go for approval ([] when no one is named) */
  escalateMajorMattersTo?: string[];
}

export interface DecisionTrackingRule extends RuleBase {
  type: 'decision_tracking';
  trackedBy: Actor[];
  /** Whether members are informed of status (通报) */
  circular: boolean;
  /** Who carries decisions out, where stated (由各专题组具体落实) */
  implementedBy?: Actor[];
}

export interface HandlingDeadlineRule extends RuleBase {
  type: 'handling_deadline';
  workingDays: number;
  coHandledWorkingDays: number | null;
}

export interface InfoReportQuotaRule extends RuleBase {
  type: 'info_report_quota';
  /** Who must report: group, member_unit … */
  reporter: Actor;
  /** Minimum per month; a quota per quarter or year is spread over its months */
  perMonth: number;
  /** The quota as stated: `count` pieces every `periodMonths` months */
  count?: number;
  periodMonths?: number;
  /** To whom the information goes (向协调小组办公室报送) */
  reportTo?: Actor[];
}

export interface AnnualReportRule extends RuleBase {
  type: 'annual_report';
  reporter: string;
  to: string;
  /** Through whom the report goes (通过协调小组办公室向协调小组报告) */
  via?: string;
}

export interface MembershipChangeRule extends RuleBase {
  type: 'membership_change';
  /** 成员 (person) or 成员单位 (unit) */
  subject: 'member' | 'member_unit';
  /** The post that changes hands when it is not the member's own: a member unit's liaison (联络员) */
  post?: 'liaison';
  proposedBy: string;
  confirmedBy: string;
}

export interface DocumentSigningRule extends RuleBase {
  type: 'document_signing';
  /** In whose name the document is issued: the body or its office */
  issuedInNameOf: 'body' | 'office';
  /** Who drafts or initiates, where stated (e.g. group) */
  initiatedBy: Actor | null;
  reviewers: Actor[];
  signers: Actor[];
}

export interface BulletinRule extends RuleBase {
  type: 'bulletin';
  /** The bulletin's name, e.g. 《…简报》, where stated */
  name: string | null;
  compiledBy: Actor;
  recipients: string[];
}

export type Rule =
  | MeetingFrequencyRule
  | PresiderRule
  | AgendaApprovalRule
  | AttendanceRule
  | PreMeetingRule
  | MinutesSignoffRule
  | MinutesDistributionRule
  | DecisionTrackingRule
  | HandlingDeadlineRule
  | InfoReportQuotaRule
  | AnnualReportRule
  | MembershipChangeRule
  | DocumentSigningRule
  | BulletinRule;

export type RuleType = Rule['type'];

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: FindingSeverity;
  /** Stable code, e.g. member_count_mismatch */
  code: string;
  /** Chinese message for the user */
  message: string;
  source?: SourceSpan;
}

/** One document inside the text (a text may hold several: rules, office rules, group rules). */
export interface CharterDocument {
  title: string;
  source: SourceSpan;
}

export interface Charter {
  /** Version of this JSON shape */
  schemaVersion: 1;
  body: CharterBody;
  foundingDocument: FoundingDocument;
  documents: CharterDocument[];
  flags: CharterFlags;
  sunset: Sunset | null;
  functions: CharterFunction[];
  memberUnits: MemberUnit[];
  memberUnitsStated: number | null;
  roles: Role[];
  office: Office | null;
  liaison: Liaison | null;
  groups: Group[];
  rules: Rule[];
  findings: Finding[];
  normalizedText: string;
  offsetMap: OffsetRun[];
}

/** Why a text could not be imported at all (exit code 2 of the CLI). */
export interface ImportError {
  code: 'empty_input' | 'not_text' | 'input_too_large';
  message: string;
}

export type ImportResult = { ok: true; charter: Charter } | { ok: false; error: ImportError };
