/**
 * The registry as an XLSX file: the bodies the filters show, in the list's order, with the list's
 * columns (activity only where the reader holds a role; '—' elsewhere, as on the screen).
 */
import type { Readable } from 'node:stream';
import { BODY_KIND_NAMES, BODY_LEVEL_NAMES } from '../../domain/charter/body-names.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import type { BodySummary } from '../body-service.ts';
import { xlsxListStream } from './xlsx-stream.ts';
import type { ExportColumn } from './xlsx-stream.ts';

const NONE = '—';

/** The registry's exported columns, in the screen's order. */
export const REGISTRY_EXPORT_COLUMNS: readonly ExportColumn<BodySummary>[] = [
  { header: '名称', width: 40, value: (b) => b.name },
  { header: '类型', width: 14, value: (b) => BODY_KIND_NAMES[b.kind] },
  { header: '层级', width: 8, value: (b) => (b.level === null ? NONE : BODY_LEVEL_NAMES[b.level]) },
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
