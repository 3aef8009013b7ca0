/**
 * Charts of the decisions: overdue by unit (bars) and completion over time (lines), drawn with
 * ECharts. Loaded on demand (React.lazy) so that ECharts stays out of the initial bundle.
 */
import { useEffect, useMemo, useRef } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useI18n } from '../i18n/i18n.tsx';
import { completionOverTime, overdueByUnit, type ChartFacts } from './decision-charts-data.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = Parameters<echarts.ECharts['setOption']>[0];

function Chart({ option, label, testId, height }: { option: Option; label: string; testId: string; height: number }) {
  const element = useRef<HTMLDivElement>(null);
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
  return <div ref={element} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}

export default function DecisionCharts({ items }: { items: readonly ChartFacts[] }) {
  const { t } = useI18n();
  const bars = useMemo(() => overdueByUnit(items).slice(0, 20), [items]);
  const months = useMemo(() => completionOverTime(items), [items]);
  const barOption = useMemo<Option>(() => ({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [t('charts.overdue'), t('charts.open')] },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: bars.map((bar) => bar.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      { name: t('charts.overdue'), type: 'bar', data: bars.map((bar) => bar.overdue), itemStyle: { color: '#cf1322' } },
      { name: t('charts.open'), type: 'bar', data: bars.map((bar) => bar.open), itemStyle: { color: '#1f4e9c' } },
    ],
  }), [bars, t]);
  const lineOption = useMemo<Option>(() => ({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [t('charts.assigned'), t('charts.closed')] },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((point) => point.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('charts.assigned'), type: 'line', data: months.map((point) => point.assigned), itemStyle: { color: '#d46b08' } },
      { name: t('charts.closed'), type: 'line', data: months.map((point) => point.closed), itemStyle: { color: '#389e0d' } },
    ],
  }), [months, t]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={<h2 className="lx-card-title">{t('charts.overdueByUnit')}</h2>}>
          {bars.length === 0 ? (
            <Empty description={t('charts.empty')} />
          ) : (
            <Chart option={barOption} label={t('charts.overdueByUnit')} testId="chart-overdue-by-unit" height={Math.max(240, bars.length * 36 + 60)} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={<h2 className="lx-card-title">{t('charts.completionOverTime')}</h2>}>
          {months.length === 0 ? (
            <Empty description={t('charts.empty')} />
          ) : (
            <Chart option={lineOption} label={t('charts.completionOverTime')} testId="chart-completion" height={300} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
