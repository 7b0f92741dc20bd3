import { iso } from '@shared/holidayNotice'

/** How a day of the calendar counts. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup'

export interface CalendarDays {
  holidays: Set<string>
  makeupWorkdays: Set<string>
}

/** 0 = Sunday … 6 = Saturday, for an ISO date, independent of the browser's time zone. */
export function weekday(date: string): number {
  return new Date(date + 'T00:00:00Z').getUTCDay()
}

export function isWeekend(date: string): boolean {
  const d = weekday(date)
  return d === 0 || d === 6
}

/** A listed holiday is off (休), a listed make-up day is worked (班), otherwise the weekend decides. */
export function classify(date: string, days: CalendarDays): DayKind {
  if (days.holidays.has(date)) return 'holiday'
  if (days.makeupWorkdays.has(date)) return 'makeup'
  return isWeekend(date) ? 'weekend' : 'workday'
}

export function isWorkingDay(date: string, days: CalendarDays): boolean {
  const k = classify(date, days)
  return k === 'workday' || k === 'makeup'
}

/**
 * A click on a day: a weekday toggles holiday ↔ working day; a weekend day goes weekend → 班 (make-up working day)
 * → 休 (holiday, e.g. the Saturday inside a holiday span) → weekend. The API refuses a make-up day on a weekday, so
 * a weekday never becomes one. Returns new sets.
 */
export function toggle(date: string, days: CalendarDays): CalendarDays {
  const holidays = new Set(days.holidays)
  const makeupWorkdays = new Set(days.makeupWorkdays)
  const kind = classify(date, days)
  holidays.delete(date)
  makeupWorkdays.delete(date)
  if (isWeekend(date)) {
    if (kind === 'weekend') makeupWorkdays.add(date)
    else if (kind === 'makeup') holidays.add(date)
  } else if (kind === 'workday') {
    holidays.add(date)
  }
  return { holidays, makeupWorkdays }
}

export interface GridCell {
  date: string
  day: number
  kind: DayKind
}

/** A month as weeks Monday-first; null pads the first and last week. */
export function monthGrid(year: number, month: number, days: CalendarDays): (GridCell | null)[][] {
  const cells: (GridCell | null)[] = []
  const first = iso(year, month, 1)!
  const pad = (weekday(first) + 6) % 7
  for (let i = 0; i < pad; i++) cells.push(null)
  for (let d = 1; d <= 31; d++) {
    const date = iso(year, month, d)
    if (!date) break
    cells.push({ date, day: d, kind: classify(date, days) })
  }
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: (GridCell | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}
