/**
 * A body's decided items as the filtered list shows them (not the ledger): the same rows in the
 * same order, with the table's columns (序号, 事项, 主办单位, 协办单位, 办理时限, 剩余 / 逾期, 状态,
 * 督办阶段), streamed as XLSX.
 */
import type { Readable } from 'node:stream';
import { ESCALATION_RUNG_NAMES } from '../../domain/decisions/escalation-ladder.ts';
import type { DecisionItem } from '../decisions/decision-views.ts';
import { xlsxListStream } from './xlsx-stream.ts';
import type { ExportColumn } from './xlsx-stream.ts';

/** 剩余 / 逾期 as the table's tag reads it. */
function standingText(item: DecisionItem): string {
  if (item.status === 'closed') return '已办结';
  if (item.overdue) return `逾期 ${item.workingDaysOverdue ?? 1} 个工作日`;
  if (item.workingDaysLeft === 0) return '今日到期';
  return `剩 ${item.workingDaysLeft ?? 0} 个工作日`;
}

/** The filtered list's exported columns, in the table's order. */
export const DECISION_LIST_EXPORT_COLUMNS: readonly ExportColumn<DecisionItem>[] = [
  { header: '序号', width: 6, value: (d) => d.itemNo },
  { header: '事项', width: 60, value: (d) => d.text },
  { header: '主办单位', width: 20, value: (d) => d.leadUnit.name },
  { header: '协办单位', width: 30, value: (d) => d.coUnits.map((u) => u.name).join('、') },
  { header: '交办日期', width: 12, value: (d) => d.issuedOn },
  { header: '办理时限', width: 12, value: (d) => d.deadline },
  { header: '剩余 / 逾期', width: 16, value: standingText },
  { header: '状态', width: 10, value: (d) => d.statusName },
  { header: '督办阶段', width: 14, value: (d) => (d.status === 'closed' ? '' : ESCALATION_RUNG_NAMES[d.escalationRung]) },
];

/** The items as a streamed workbook (sheet 议定事项). */
export function decisionListXlsxStream(rows: AsyncIterable<DecisionItem>): Readable {
  return xlsxListStream('议定事项', DECISION_LIST_EXPORT_COLUMNS, rows);
}
