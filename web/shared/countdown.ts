/**
 * The 红黄绿牌 countdown of a case (SPEC §2.3): green before its warning point, yellow from the warning point until
 * the due time, red once overdue; a suspended case shows 暂停 with its clock stopped where it was suspended; a case
 * whose clock does not run (not accepted yet, decided, delivered, withdrawn) shows no colour.
 */

export type Light = 'green' | 'yellow' | 'red' | 'paused'

export interface CountdownCase {
  status: string
  dueAt?: string | null
  /** The warning point (预警时点) from the API; absent on old views: one day before due is assumed. */
  warningAt?: string | null
  suspensions?: { suspendedAt: string; resumedAt?: string | null }[] | null
}

export interface Countdown {
  light: Light
  /** Milliseconds from now (or from the suspension) to the due time; negative when overdue. */
  remainingMs: number
}

/** Statuses in which the deadline clock runs (CaseStatus.CLOCK_RUNNING). */
export const CLOCK_RUNNING = ['ACCEPTED', 'ACCEPTED_WITH_DEFICIENCY', 'IN_REVIEW']

const DAY = 24 * 3600 * 1000

export function countdown(c: CountdownCase, now: Date): Countdown | null {
  if (!c.dueAt) return null
  const due = Date.parse(c.dueAt)
  if (c.status === 'SUSPENDED') {
    const open = (c.suspensions ?? []).filter((s) => !s.resumedAt).pop()
    const stoppedAt = open ? Date.parse(open.suspendedAt) : now.getTime()
    return { light: 'paused', remainingMs: due - stoppedAt }
  }
  if (!CLOCK_RUNNING.includes(c.status)) return null
  const t = now.getTime()
  const warn = c.warningAt ? Date.parse(c.warningAt) : due - DAY
  const light: Light = t > due ? 'red' : t >= warn ? 'yellow' : 'green'
  return { light, remainingMs: due - t }
}

/** Days, hours and minutes of a span, for "剩 2 天 3 小时" / "超期 1 天 2 小时". */
export function splitSpan(ms: number): { days: number; hours: number; minutes: number } {
  const abs = Math.abs(ms)
  const days = Math.floor(abs / DAY)
  const hours = Math.floor((abs % DAY) / 3600e3)
  const minutes = Math.floor((abs % 3600e3) / 60e3)
  return { days, hours, minutes }
}
