import { describe, expect, it } from 'vitest'
import { parseHolidayNotice } from '@shared/holidayNotice'
import { classify, isWorkingDay, monthGrid, toggle, type CalendarDays } from './calendar'

const NOTICE_2026 = `二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。10月10日（周六）上班。`

function days2026(): CalendarDays {
  const r = parseHolidayNotice(NOTICE_2026, 2026)
  return { holidays: new Set(r.holidays), makeupWorkdays: new Set(r.makeupWorkdays) }
}

describe('calendar day classification', () => {
  it('2026-02-14 is a make-up working Saturday, 2026-10-01..07 are holidays', () => {
    const d = days2026()
    expect(classify('2026-02-14', d)).toBe('makeup')
    expect(isWorkingDay('2026-02-14', d)).toBe(true)
    for (let day = 1; day <= 7; day++) {
      const date = `2026-10-0${day}`
      expect(classify(date, d)).toBe('holiday')
      expect(isWorkingDay(date, d)).toBe(false)
    }
    expect(classify('2026-10-08', d)).toBe('workday')
    expect(classify('2026-10-10', d)).toBe('makeup')
    expect(classify('2026-10-11', d)).toBe('weekend')
  })

  it('lays out February 2026 Monday-first: the 1st is a Sunday, 14 班, 15–23 休', () => {
    const weeks = monthGrid(2026, 2, days2026())
    expect(weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null])
    expect(weeks[0][6]).toEqual({ date: '2026-02-01', day: 1, kind: 'weekend' })
    const cells = weeks.flat().filter((c) => c !== null)
    expect(cells).toHaveLength(28)
    expect(cells.filter((c) => c!.kind === 'holiday').map((c) => c!.day)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23])
    expect(cells.filter((c) => c!.kind === 'makeup').map((c) => c!.day)).toEqual([14, 28])
  })

  it('a click toggles a weekday off and on, a weekend day through 班 and 休 back to weekend', () => {
    let d: CalendarDays = { holidays: new Set(), makeupWorkdays: new Set() }
    d = toggle('2026-12-07', d) // Monday
    expect(classify('2026-12-07', d)).toBe('holiday')
    d = toggle('2026-12-07', d)
    expect(classify('2026-12-07', d)).toBe('workday')
    d = toggle('2026-12-12', d) // Saturday
    expect(classify('2026-12-12', d)).toBe('makeup')
    d = toggle('2026-12-12', d)
    expect(classify('2026-12-12', d)).toBe('holiday')
    d = toggle('2026-12-12', d)
    expect(classify('2026-12-12', d)).toBe('weekend')
    expect(d.holidays.size + d.makeupWorkdays.size).toBe(0)
  })
})
