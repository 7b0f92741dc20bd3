/**
 * Periods of the supervision dashboard and their GET /v1/stats query. Dates are calendar dates (YYYY-MM-DD, as the
 * API takes them, Asia/Shanghai); all arithmetic is on year/month/day numbers, never on Date objects in the
 * browser's time zone.
 */
export type PeriodKind = 'month' | 'quarter' | 'custom'

export interface Period {
  kind: PeriodKind
  /** month: YYYY-MM */
  month?: string
  /** quarter: year and 1..4 */
  year?: number
  quarter?: number
  /** custom: first and last day (inclusive) */
  from?: string
  to?: string
}

export interface DateRange {
  from: string
  to: string
}

/** The API refuses periods longer than this (from + 366 days). */
export const MAX_PERIOD_DAYS = 366

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
}

function parseMonth(value: string | undefined): [number, number] | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value ?? '')
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  return mo >= 1 && mo <= 12 ? [y, mo] : null
}

export function parseDate(value: string | undefined): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '')
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null
  return [y, mo, d]
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian), for period lengths. */
export function dayNumber(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
}

export function monthRange(year: number, month: number): DateRange {
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}` }
}

export function quarterRange(year: number, quarter: number): DateRange {
  const first = (quarter - 1) * 3 + 1
  const last = first + 2
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}` }
}

/** The dates of a period, or null when it is incomplete or invalid (unordered, longer than the API allows). */
export function toRange(p: Period): DateRange | null {
  if (p.kind === 'month') {
    const ym = parseMonth(p.month)
    return ym ? monthRange(ym[0], ym[1]) : null
  }
  if (p.kind === 'quarter') {
    if (!p.year || !p.quarter || p.quarter < 1 || p.quarter > 4) return null
    return quarterRange(p.year, p.quarter)
  }
  const a = parseDate(p.from)
  const b = parseDate(p.to)
  if (!a || !b) return null
  const length = dayNumber(...b) - dayNumber(...a)
  if (length < 0 || length > MAX_PERIOD_DAYS) return null
  return { from: p.from!, to: p.to! }
}

export type GroupBy = 'ITEM' | 'DEPARTMENT' | 'SERVICE_POINT' | 'MONTH'

/** The query of GET /v1/stats for a center, period and grouping. */
export function statsQuery(centerId: string, p: Period, groupBy: GroupBy): Record<string, string> | null {
  const r = toRange(p)
  return r ? { centerId, from: r.from, to: r.to, groupBy } : null
}

/**
 * The trend of a period: the months up to its last one, `months` of them (the period's own months when it is
 * longer), as one GET /v1/stats?groupBy=MONTH call. Returns the range and the month labels in order.
 */
export function trendRange(p: Period, months = 6): { range: DateRange; months: string[] } | null {
  const r = toRange(p)
  if (!r) return null
  const [ty, tm] = parseDate(r.to)!
  const [fy, fm] = parseDate(r.from)!
  const spanned = (ty - fy) * 12 + (tm - fm) + 1
  const count = Math.min(12, Math.max(months, spanned))
  let y = ty
  let m = tm - (count - 1)
  while (m < 1) {
    m += 12
    y -= 1
  }
  const labels: string[] = []
  for (let i = 0, yy = y, mm = m; i < count; i++) {
    labels.push(`${yy}-${pad(mm)}`)
    mm += 1
    if (mm > 12) {
      mm = 1
      yy += 1
    }
  }
  // 12 months from the first of the first month to the end of the last are at most 366 days: one API call
  const from = `${y}-${pad(m)}-01`
  return { range: { from, to: monthRange(ty, tm).to }, months: labels }
}

/** The period that holds a day: its month, its quarter. */
export function currentMonth(today: string): Period {
  return { kind: 'month', month: today.slice(0, 7) }
}

export function currentQuarter(today: string): Period {
  const [y, m] = parseDate(today)!
  return { kind: 'quarter', year: y, quarter: Math.floor((m - 1) / 3) + 1 }
}

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
}

/** URL query ↔ period, so a view (and a screenshot) can be opened at a chosen period. */
export function periodFromQuery(q: Record<string, unknown>, today: string): Period {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : undefined)
  if (s('month')) return { kind: 'month', month: s('month') }
  if (s('quarter')) {
    const m = /^(\d{4})-Q([1-4])$/.exec(s('quarter')!)
    if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) }
  }
  if (s('from') && s('to')) return { kind: 'custom', from: s('from'), to: s('to') }
  return currentMonth(today)
}

export function periodToQuery(p: Period): Record<string, string> {
  if (p.kind === 'month') return { month: p.month ?? '' }
  if (p.kind === 'quarter') return { quarter: `${p.year}-Q${p.quarter}` }
  return { from: p.from ?? '', to: p.to ?? '' }
}
