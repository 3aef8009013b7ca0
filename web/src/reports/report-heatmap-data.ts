/** The cells of the reports heat map: [period index, reporter index, status rank, counted, due]. Pure. */
import type { Compliance } from './reports-api.ts';

const RANK = { missing: 0, due: 1, met: 2 } as const;

export function heatmapCells(compliance: Pick<Compliance, 'heatmapPeriods' | 'heatmap'>): {
  xLabels: string[];
  yLabels: string[];
  cells: [number, number, number, number, number][];
} {
  const xLabels = compliance.heatmapPeriods.map((p) => p.label);
  const yLabels = compliance.heatmap.map((row) => row.reporterName);
  const cells: [number, number, number, number, number][] = [];
  compliance.heatmap.forEach((row, y) => {
    row.cells.forEach((cell) => {
      const x = compliance.heatmapPeriods.findIndex((p) => p.key === cell.period);
      if (x >= 0) cells.push([x, y, RANK[cell.status], cell.counted, cell.due]);
    });
  });
  return { xLabels, yLabels, cells };
}
