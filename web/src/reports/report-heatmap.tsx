/**
 * The office's 12-month heat map of information reports: one row per reporter, one column per
 * period, the colour by status (met / due / missed). Drawn with ECharts; loaded on demand.
 */
import { useEffect, useMemo, useRef } from 'react';
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useI18n } from '../i18n/i18n.tsx';
import type { Compliance } from './reports-api.ts';
import { heatmapCells } from './report-heatmap-data.ts';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

type Option = Parameters<echarts.ECharts['setOption']>[0];

export default function ReportHeatmap({ compliance }: { compliance: Compliance }) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const labels = useMemo(() => ({ met: t('reports.status.met'), due: t('reports.status.due'), missing: t('reports.status.missing') }), [t]);
  const option = useMemo<Option>(() => {
    const { xLabels, yLabels, cells } = heatmapCells(compliance);
    return {
      animation: false,
      tooltip: {
        formatter: (params: unknown) => {
          const value = (params as { value: [number, number, number, number, number] }).value;
          const status = value[2] === 2 ? labels.met : value[2] === 1 ? labels.due : labels.missing;
          return `${yLabels[value[1]] ?? ''}<br/>${xLabels[value[0]] ?? ''}：${value[3]}/${value[4]}（${status}）`;
        },
      },
      grid: { left: 160, right: 20, top: 10, bottom: 60 },
      xAxis: { type: 'category', data: xLabels, splitArea: { show: true } },
      yAxis: { type: 'category', data: yLabels, splitArea: { show: true } },
      visualMap: {
        type: 'piecewise',
        dimension: 2,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        pieces: [
          { value: 0, label: labels.missing, color: '#cf1322' },
          { value: 1, label: labels.due, color: '#faad14' },
          { value: 2, label: labels.met, color: '#389e0d' },
        ],
      },
      series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: (p: unknown) => String((p as { value: number[] }).value[3] ?? '') } }],
    };
  }, [compliance, labels]);
  useEffect(() => {
    const node = element.current;
    if (node === null) return undefined;
    const chart = echarts.init(node);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  const height = Math.max(160, compliance.heatmap.length * 32 + 80);
  return <div ref={element} role="img" aria-label={t('reports.heatmap')} data-testid="report-heatmap" style={{ width: '100%', height }} />;
}
