/** How the dashboard writes its figures: "—" wherever there is no data (the API sends null for a 0 denominator). */
export const NO_DATA = '—'

/** A ratio (0..1, four decimals from the API) as a percentage with one decimal: 0.8333 → "83.3%". */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA
  // round on the integer of tenths of a percent so 0.0005 steps do not fall to binary noise
  const tenths = Math.round(value * 1000)
  return `${(tenths / 10).toFixed(1)}%`
}

/** Average days with one decimal: 4.5 → "4.5"; null → "—". */
export function formatDays(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA
  return (Math.round(value * 10) / 10).toFixed(1)
}

/** A count; null/undefined (a figure the grouping does not have) → "—". */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA
  return String(value)
}

/** A rate as a chart value in percent (one decimal), or null so the chart leaves a gap. */
export function ratePercent(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null
  return Math.round(value * 1000) / 10
}

/** Working minutes late as hours and minutes: 90 → "1 小时 30 分" / "1 h 30 min". */
export function formatLate(minutes: number | null | undefined, locale: string): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return NO_DATA
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (locale === 'en') return h ? `${h} h ${m} min` : `${m} min`
  return h ? `${h} 小时 ${m} 分` : `${m} 分`
}

/** An instant as Shanghai wall time "YYYY-MM-DD hh:mm". */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return NO_DATA
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return NO_DATA
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
}

/** "hh:mm" of the browser's clock, for the "数据更新于" stamp. */
export function formatClock(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

/** Average minutes with one decimal: 10.33 → "10.3"; null → "—". */
export function formatMinutes(value: number | null | undefined): string {
  return formatDays(value)
}
