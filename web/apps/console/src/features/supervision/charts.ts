/**
 * ECharts for the supervision screens: only the charts and components used here are registered (tree-shaken,
 * loaded with this lazy feature), and the options are plain functions of the figures.
 */
import { use } from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { Figures, StatsReport } from './stats'
import { ratePercent } from './format'

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export interface Theme {
  text: string
  axis: string
  split: string
  fontSize: number
  /** line/bar/pie colours */
  palette: string[]
}

export const LIGHT: Theme = {
  text: '#303133', axis: '#606266', split: '#e4e7ed', fontSize: 12,
  palette: ['#a61b1b', '#1f6fb2', '#2e8540', '#b25d00', '#6b4ca5', '#7a7a7a'],
}

export const DARK: Theme = {
  text: '#e8eef8', axis: '#c3cfe2', split: '#2a3a55', fontSize: 24,
  palette: ['#ff6b6b', '#4fc3f7', '#7ee787', '#ffb74d', '#ce93d8', '#b0bec5'],
}

/** Monthly trend: on-time, satisfaction and immediate rates (%) as lines, cases received as bars. */
export function trendOption(months: string[], report: StatsReport | null, labels: Record<string, string>, theme: Theme) {
  const byMonth = new Map((report?.groups ?? []).map((g) => [g.group, g]))
  const rate = (k: keyof Figures) => months.map((m) => ratePercent(byMonth.get(m)?.[k] as number | null | undefined))
  const f = theme.fontSize
  return {
    color: theme.palette,
    textStyle: { color: theme.text, fontSize: f },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: theme.text, fontSize: f } },
    grid: { left: 8, right: 8, top: f * 3, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.slice(2)), axisLabel: { color: theme.axis, fontSize: f } },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { color: theme.axis, fontSize: f, formatter: '{value}%' },
        splitLine: { lineStyle: { color: theme.split } } },
      { type: 'value', minInterval: 1, axisLabel: { color: theme.axis, fontSize: f }, splitLine: { show: false } },
    ],
    series: [
      { name: labels.onTimeRate, type: 'line', data: rate('onTimeRate'), connectNulls: false, symbolSize: f / 2 },
      { name: labels.satisfactionRate, type: 'line', data: rate('satisfactionRate'), symbolSize: f / 2 },
      { name: labels.immediateShare, type: 'line', data: rate('immediateShare'), symbolSize: f / 2 },
      { name: labels.received, type: 'bar', yAxisIndex: 1, barMaxWidth: 24, itemStyle: { opacity: 0.35 },
        data: months.map((m) => byMonth.get(m)?.received ?? 0) },
    ],
  }
}

/** Ranking: on-time rate by group, best first (groups without finished cases left out), at most `top`. */
export function rankingOption(groups: Figures[], label: (g: string) => string, seriesName: string, theme: Theme,
                              top = 10) {
  const ranked = groups
    .filter((g) => g.onTimeRate !== null && g.onTimeRate !== undefined)
    .sort((a, b) => (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) || b.finished - a.finished)
    .slice(0, top)
    .reverse()
  const f = theme.fontSize
  return {
    color: [theme.palette[1]],
    textStyle: { color: theme.text, fontSize: f },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
    grid: { left: 8, right: f * 3, top: 8, bottom: 8, containLabel: true },
    // the bars carry their values: no axis labels to crowd a narrow card
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { show: false }, splitLine: { lineStyle: { color: theme.split } } },
    yAxis: { type: 'category', data: ranked.map((g) => label(g.group)),
      axisLabel: { color: theme.axis, fontSize: f, width: f * 9, overflow: 'truncate' } },
    series: [{ name: seriesName, type: 'bar', data: ranked.map((g) => ratePercent(g.onTimeRate)), barMaxWidth: f * 1.5,
      label: { show: true, position: 'right', color: theme.text, fontSize: f, formatter: '{c}%' } }],
  }
}

/** Where the period's cases stand: finished on time, finished late, being handled, not (yet) accepted. */
export function statusShare(total: Figures | null): { key: string; value: number }[] {
  if (!total) return []
  return [
    { key: 'onTime', value: total.onTime },
    { key: 'late', value: Math.max(0, total.finished - total.onTime) },
    { key: 'inProgress', value: Math.max(0, total.accepted - total.finished) },
    { key: 'notAccepted', value: Math.max(0, total.received - total.accepted) },
  ]
}

export function statusOption(total: Figures | null, labels: Record<string, string>, theme: Theme) {
  const f = theme.fontSize
  return {
    color: [theme.palette[2], theme.palette[0], theme.palette[1], theme.palette[5]],
    textStyle: { color: theme.text, fontSize: f },
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, textStyle: { color: theme.text, fontSize: f } },
    series: [{
      type: 'pie', radius: ['42%', '68%'], center: ['50%', '45%'], avoidLabelOverlap: true,
      label: { position: 'inside', color: '#fff', fontSize: f, fontWeight: 'bold', formatter: '{c}' },
      labelLine: { show: false },
      // a zero share has no slice: its label would point at nothing
      data: statusShare(total).map((s) => ({ name: labels[s.key], value: s.value || null })),
    }],
  }
}
