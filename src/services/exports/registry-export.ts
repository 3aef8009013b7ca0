/**
 * The registry as an XLSX file: the bodies the filters show, in the list's order, with the list's
 * columns (activity only where the reader holds a role; '—' elsewhere, as on the screen).
 */
import type { Readable } from 'node:stream';
import type { BodyKind, BodyLevel } from '../../domain/charter/charter-types.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import type { BodySummary } from '../body-service.ts';
import { xlsxListStream } from './xlsx-stream.ts';
import type { ExportColumn } from './xlsx-stream.ts';

const KIND_NAMES: Record<BodyKind, string> = {
  joint_meeting: '联席会议',
  task_force: '工作专班',
  coordination_group: '协调小组',
  leading_group: '领导小组',
  command: '指挥部',
  other: '其他议事协调机构',
};

const LEVEL_NAMES: Record<BodyLevel, string> = { national: '国家级', provincial: '省级', municipal: '市级', county: '县级' };

const NONE = '—';

/** The registry's exported columns, in the screen's order. */
export const REGISTRY_EXPORT_COLUMNS: readonly ExportColumn<BodySummary>[] = [
  { header: '名称', width: 40, value: (b) => b.name },
  { header: '类型', width: 14, value: (b) => KIND_NAMES[b.kind] },
  { header: '层级', width: 8, value: (b) => (b.level === null ? NONE : LEVEL_NAMES[b.level]) },
  { header: '地区', width: 16, value: (b) => b.regionName ?? NONE },
  { header: '状态', width: 8, value: (b) => (b.status === 'active' ? '运行中' : '已撤销') },
  { header: '撤销日期', width: 12, value: (b) => b.dissolvedOn ?? '' },
  { header: '成员单位数', width: 10, value: (b) => b.memberUnitCount },
  {
    header: '最近会议',
    width: 12,
    value: (b) => (b.activity === null ? NONE : b.activity.lastMeetingAt === null ? '未开会' : shanghaiDateOf(new Date(b.activity.lastMeetingAt))),
  },
  { header: '未办结事项', width: 10, value: (b) => (b.activity === null ? NONE : b.activity.openDecisions) },
  { header: '逾期事项', width: 10, value: (b) => (b.activity === null ? NONE : b.activity.overdueDecisions) },
  { header: '自行撤销日期', width: 12, value: (b) => b.sunsetDate ?? '' },
];

/** The bodies as a streamed workbook (sheet 议事协调机构名录). */
export function registryXlsxStream(rows: AsyncIterable<BodySummary>): Readable {
  return xlsxListStream('议事协调机构名录', REGISTRY_EXPORT_COLUMNS, rows);
}
