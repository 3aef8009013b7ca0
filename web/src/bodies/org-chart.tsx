/**
 * The organisation chart drawn with ECharts (tree series). This module is loaded on demand
 * (React.lazy), so ECharts is not part of the initial bundle.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { TreeChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { countLeaves, type OrgNode } from './org-chart-data.ts';

echarts.use([TreeChart, TooltipComponent, CanvasRenderer]);

const COLORS: Record<OrgNode['kind'], string> = {
  body: '#a61d24',
  leader: '#1f4e9c',
  units: '#1f4e9c',
  unit: '#389e0d',
  person: '#595959',
  office: '#d46b08',
  groups: '#531dab',
  group: '#531dab',
};

interface ChartNode {
  name: string;
  itemStyle: { color: string; borderColor: string };
  label: { color: string; fontWeight?: 'bold'; position?: 'top'; align?: 'center'; distance?: number };
  collapsed?: boolean;
  children?: ChartNode[];
}

function toChartNode(node: OrgNode, depth: number): ChartNode {
  const color = node.vacant === true ? '#8c8c8c' : COLORS[node.kind];
  return {
    name: node.name,
    itemStyle: { color, borderColor: color },
    label: {
      color: '#1f1f1f',
      ...(node.kind === 'body' || node.kind === 'leader' ? { fontWeight: 'bold' as const } : {}),
      // The body's name can be long: above its node rather than cut off at the left edge.
      ...(node.kind === 'body' ? { position: 'top' as const, align: 'center' as const, distance: 10 } : {}),
    },
    // Member units' people start folded when there are many units; a click unfolds them.
    ...(node.kind === 'unit' && depth > 3 ? { collapsed: true } : {}),
    ...(node.children === undefined ? {} : { children: node.children.map((child) => toChartNode(child, depth + 1)) }),
  };
}

export default function OrgChart({ tree, ariaLabel }: { tree: OrgNode; ariaLabel: string }) {
  const container = useRef<HTMLDivElement | null>(null);
  const leaves = countLeaves(tree);
  const height = Math.max(480, Math.min(4000, leaves * 26));

  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'item', triggerOn: 'mousemove' },
      series: [
        {
          type: 'tree',
          data: [toChartNode(tree, 0)],
          top: 16,
          bottom: 16,
          left: '12%',
          right: '18%',
          orient: 'LR',
          symbol: 'circle',
          symbolSize: 9,
          roam: true,
          initialTreeDepth: -1,
          expandAndCollapse: true,
          animationDuration: 300,
          label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 13, lineHeight: 18 },
          leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
          lineStyle: { color: '#bfbfbf', width: 1.2, curveness: 0.5 },
          emphasis: { focus: 'descendant' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [tree]);

  return <div ref={container} className="lx-org-chart" role="img" aria-label={ariaLabel} data-testid="org-chart" style={{ height }} />;
}
