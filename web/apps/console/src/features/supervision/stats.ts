/** What the supervision screens read from the API, and the figures table they show and export. */
import { api } from '@shared/api'
import type { Cell } from './csv'
import { formatCount, formatDays, formatRate } from './format'
import type { GroupBy } from './period'

/** One row of GET /v1/stats (StatsService.Figures): rates are ratios (four decimals) or null without data. */
export interface Figures {
  group: string
  received: number
  accepted: number
  immediate: number
  immediateShare: number | null
  finished: number
  onTime: number
  onTimeRate: number | null
  early: number
  earlyRate: number | null
  overdue: number
  averageActualDays: number | null
  averagePromisedDays: number | null
  averageLegalDays: number | null
  satisfactionRate: number | null
  rated: number
  satisfied: number
  dissatisfied: number
  badRate: number | null
  openRectifications: number | null
}

/** A window's throughput in the period (QueueFiguresSource.WindowThroughput). */
export interface WindowThroughput {
  window: number
  windowId: string
  served: number
  averageServiceMinutes: number | null
}

/**
 * The queue figures of the period (QueueFiguresSource.QueueSummary): wait = taken to first call, service = start to
 * finish, abandoned = dropped or left unserved when the day ended; null for periods longer than a quarter.
 */
export interface QueueFigures {
  tickets: number
  called: number
  served: number
  abandoned: number
  averageWaitMinutes: number | null
  averageServiceMinutes: number | null
  abandonmentRate: number | null
  windows: WindowThroughput[]
}

export interface StatsReport {
  centerId: string
  from: string
  to: string
  groupBy: string
  total: Figures
  groups: Figures[]
  queue?: QueueFigures | null
}

export interface CaseRow {
  id: string
  itemCode: string
  itemName: string
  status: string
  statusName: string
  dueAt: string | null
  dueAtLocal: string | null
  warnedAt: string | null
  overdueAt: string | null
  overdueWorkingMinutes: number | null
  taskDepartments: string[]
}

export interface AccountabilityRecord {
  caseId: string
  subject: string
  departmentCode: string | null
  centerId: string | null
  staffId: string | null
  dueAt: string | null
  detectedAt: string
  workingMinutesLate: number
}

export interface Paged<T> {
  items: T[]
  nextCursor: string | null
}

export interface ServicePointRef {
  id: string
  name: string
  level: string
  status: string
}

export interface ItemRef {
  code: string
  name: string
  departmentCode: string
  departmentName: string
}

export const fetchStats = (query: Record<string, string>, signal?: AbortSignal) =>
  api.get<StatsReport>('/v1/stats', query, signal)

export const fetchDueCases = (centerId: string, dueState: 'WARNING' | 'OVERDUE', cursor?: string | null, limit = 20) =>
  api.get<Paged<CaseRow>>('/v1/cases', { centerId, dueState, limit, cursor })

export const fetchAccountability = (centerId: string, cursor?: string | null, limit = 20) =>
  api.get<Paged<AccountabilityRecord>>('/v1/accountability', { centerId, limit, cursor })

/** Names for group codes (items, departments, points), read once; codes stay when a list cannot be read. */
export interface Names {
  items: Record<string, string>
  departments: Record<string, string>
  points: Record<string, string>
  centers: ServicePointRef[]
}

let namesOnce: Promise<Names> | null = null

export function fetchNames(): Promise<Names> {
  namesOnce ??= (async () => {
    const [items, points] = await Promise.all([
      api.get<ItemRef[]>('/v1/items').catch(() => [] as ItemRef[]),
      api.get<ServicePointRef[]>('/v1/service-points').catch(() => [] as ServicePointRef[]),
    ])
    const names: Names = { items: {}, departments: {}, points: {}, centers: [] }
    for (const i of items) {
      names.items[i.code] = i.name
      if (i.departmentCode && i.departmentName) names.departments[i.departmentCode] = i.departmentName
    }
    for (const p of points) names.points[p.id] = p.name
    names.centers = points.filter((p) => p.level === 'COUNTY' && p.status !== 'CLOSED')
    return names
  })()
  return namesOnce
}

export function groupLabel(group: string, groupBy: GroupBy, names: Names | null): string {
  if (group === 'null') return '—'
  if (!names) return group
  if (groupBy === 'ITEM') return names.items[group] ?? group
  if (groupBy === 'DEPARTMENT') return names.departments[group] ?? group
  if (groupBy === 'SERVICE_POINT') return names.points[group] ?? group
  return group
}

/** The columns of the figures table, in order: the i18n key of the header and how the value is written. */
export const COLUMNS: { key: keyof Figures; kind: 'count' | 'rate' | 'days' }[] = [
  { key: 'received', kind: 'count' },
  { key: 'accepted', kind: 'count' },
  { key: 'immediateShare', kind: 'rate' },
  { key: 'finished', kind: 'count' },
  { key: 'onTimeRate', kind: 'rate' },
  { key: 'earlyRate', kind: 'rate' },
  { key: 'overdue', kind: 'count' },
  { key: 'averageActualDays', kind: 'days' },
  { key: 'averagePromisedDays', kind: 'days' },
  { key: 'averageLegalDays', kind: 'days' },
  { key: 'rated', kind: 'count' },
  { key: 'satisfactionRate', kind: 'rate' },
  { key: 'openRectifications', kind: 'count' },
]

export function formatFigure(f: Figures, key: keyof Figures, kind: 'count' | 'rate' | 'days'): string {
  const v = f[key] as number | null
  return kind === 'rate' ? formatRate(v) : kind === 'days' ? formatDays(v) : formatCount(v)
}

/** The table as export rows: counts as numbers, rates and days as the text on screen ("—" without data). */
export function exportRows(report: StatsReport, label: (group: string) => string, totalLabel: string): Cell[][] {
  const row = (f: Figures, name: string): Cell[] => [
    name,
    ...COLUMNS.map((c) => {
      const v = f[c.key] as number | null
      return c.kind === 'count' && v !== null && v !== undefined ? v : formatFigure(f, c.key, c.kind)
    }),
  ]
  return [...report.groups.map((g) => row(g, label(g.group))), row(report.total, totalLabel)]
}
