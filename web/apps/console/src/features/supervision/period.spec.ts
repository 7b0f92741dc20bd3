import { describe, expect, it } from 'vitest'
import {
  currentQuarter, daysInMonth, periodFromQuery, periodToQuery, shanghaiToday, statsQuery, toRange, trendRange,
} from './period'

describe('period → GET /v1/stats query', () => {
  it('a month runs from its first to its last day, February included', () => {
    expect(toRange({ kind: 'month', month: '2025-02' })).toEqual({ from: '2025-02-01', to: '2025-02-28' })
    expect(toRange({ kind: 'month', month: '2024-02' })).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(toRange({ kind: 'month', month: '2025-04' })).toEqual({ from: '2025-04-01', to: '2025-04-30' })
    expect(toRange({ kind: 'month', month: '2025-12' })).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(daysInMonth(1900, 2)).toBe(28)
    expect(daysInMonth(2000, 2)).toBe(29)
  })

  it('quarters end on 03-31, 06-30, 09-30 and 12-31', () => {
    expect(toRange({ kind: 'quarter', year: 2025, quarter: 1 })).toEqual({ from: '2025-01-01', to: '2025-03-31' })
    expect(toRange({ kind: 'quarter', year: 2025, quarter: 2 })).toEqual({ from: '2025-04-01', to: '2025-06-30' })
    expect(toRange({ kind: 'quarter', year: 2025, quarter: 3 })).toEqual({ from: '2025-07-01', to: '2025-09-30' })
    expect(toRange({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(toRange({ kind: 'quarter', year: 2026, quarter: 5 })).toBeNull()
  })

  it('a day belongs to its quarter', () => {
    expect(currentQuarter('2026-12-06')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 })
    expect(currentQuarter('2026-03-31')).toEqual({ kind: 'quarter', year: 2026, quarter: 1 })
    expect(currentQuarter('2026-04-01')).toEqual({ kind: 'quarter', year: 2026, quarter: 2 })
  })

  it('a custom period must be real dates, ordered and at most 366 days long (as the API requires)', () => {
    expect(toRange({ kind: 'custom', from: '2025-01-01', to: '2026-01-02' })).toEqual({ from: '2025-01-01', to: '2026-01-02' })
    expect(toRange({ kind: 'custom', from: '2025-01-01', to: '2026-01-03' })).toBeNull()
    expect(toRange({ kind: 'custom', from: '2025-05-02', to: '2025-05-01' })).toBeNull()
    expect(toRange({ kind: 'custom', from: '2025-02-29', to: '2025-03-01' })).toBeNull()
    expect(statsQuery('330110-ZX', { kind: 'custom', from: '2025-04-10', to: '2025-04-20' }, 'DEPARTMENT'))
      .toEqual({ centerId: '330110-ZX', from: '2025-04-10', to: '2025-04-20', groupBy: 'DEPARTMENT' })
  })

  it('the trend is six months up to the period, across a year end, in one call', () => {
    const t = trendRange({ kind: 'month', month: '2026-02' })!
    expect(t.months).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'])
    expect(t.range).toEqual({ from: '2025-09-01', to: '2026-02-28' })
    const q = trendRange({ kind: 'quarter', year: 2025, quarter: 2 })!
    expect(q.range).toEqual({ from: '2025-01-01', to: '2025-06-30' })
    // a long custom period shows its own months, at most twelve
    const y = trendRange({ kind: 'custom', from: '2025-01-15', to: '2026-01-14' })!
    expect(y.months).toHaveLength(12)
    expect(y.months[0]).toBe('2025-02')
    expect(y.range).toEqual({ from: '2025-02-01', to: '2026-01-31' })
  })

  it('the period lives in the URL', () => {
    for (const p of [{ kind: 'month', month: '2025-05' }, { kind: 'quarter', year: 2025, quarter: 3 },
      { kind: 'custom', from: '2025-04-01', to: '2025-04-15' }] as const) {
      expect(periodFromQuery(periodToQuery(p), '2026-12-06')).toEqual(p)
    }
    expect(periodFromQuery({}, '2026-12-06')).toEqual({ kind: 'month', month: '2026-12' })
  })

  it('today is the Shanghai date, not the browser’s', () => {
    // 2026-12-06 17:30 UTC is already 2026-12-07 01:30 in Shanghai
    expect(shanghaiToday(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07')
    expect(shanghaiToday(new Date('2026-12-06T15:59:00Z'))).toBe('2026-12-06')
  })
})
