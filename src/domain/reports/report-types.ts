/**
 * The words of information reports (信息报送) and the annual cycle (年度工作报告 / 要点). Pure.
 */

/** Who a quota counts: a member unit of the body, or a group (专题组) of the body. */
export const REPORTER_KINDS = ['member_unit', 'group'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

/** An offer of a report to one body: submitted, then accepted, returned (with a reason) or adopted (for a bulletin). */
export const OFFER_STATUSES = ['submitted', 'accepted', 'returned', 'adopted'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** What the office does with a submitted offer. */
export const OFFER_DECISIONS = ['accept', 'return', 'adopt'] as const;
export type OfferDecision = (typeof OFFER_DECISIONS)[number];

/** The lengths of a reporting period the settings allow (month, quarter, half year, year). */
export const PERIOD_MONTHS = [1, 3, 6, 12] as const;
export type PeriodMonths = (typeof PERIOD_MONTHS)[number];

/** A year's collection: annual reports (年度工作报告) or the annual work plan (年度工作要点). */
export const COLLECTION_KINDS = ['annual_report', 'work_plan'] as const;
export type CollectionKind = (typeof COLLECTION_KINDS)[number];

export const COLLECTION_STATUSES = ['collecting', 'compiled', 'adopted'] as const;
export type CollectionStatus = (typeof COLLECTION_STATUSES)[number];

export const TASK_STATUSES = ['pending', 'submitted', 'returned', 'accepted'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The categories offered when the office has not set its own list. */
export const DEFAULT_REPORT_CATEGORIES: readonly string[] = ['工作动态', '经验做法', '问题建议'];
