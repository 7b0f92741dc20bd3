import { describe, expect, it } from 'vitest'
import { formatCount, formatDays, formatInstant, formatLate, formatRate, NO_DATA, ratePercent } from './format'

describe('figure formatting', () => {
  it('rates are percentages with one decimal', () => {
    expect(formatRate(0.8333)).toBe('83.3%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(0)).toBe('0.0%')
    expect(formatRate(0.0005)).toBe('0.1%')
    expect(formatRate(0.6667)).toBe('66.7%')
    expect(formatRate(0.1235)).toBe('12.4%')
  })

  it('no data is a dash, never 0% or NaN', () => {
    expect(formatRate(null)).toBe(NO_DATA)
    expect(formatRate(undefined)).toBe('—')
    expect(formatRate(Number.NaN)).toBe('—')
    expect(formatDays(null)).toBe('—')
    expect(formatCount(null)).toBe('—')
    expect(ratePercent(null)).toBeNull()
  })

  it('days with one decimal, counts as they are', () => {
    expect(formatDays(4.5)).toBe('4.5')
    expect(formatDays(12)).toBe('12.0')
    expect(formatDays(3.25)).toBe('3.3')
    expect(formatCount(0)).toBe('0')
    expect(formatCount(17)).toBe('17')
    expect(ratePercent(0.9375)).toBe(93.8)
  })

  it('lateness in working hours and minutes, and instants in Shanghai time', () => {
    expect(formatLate(60, 'zh-CN')).toBe('1 小时 0 分')
    expect(formatLate(45, 'zh-CN')).toBe('45 分')
    expect(formatLate(125, 'en')).toBe('2 h 5 min')
    expect(formatInstant('2025-05-15T10:00:00Z')).toBe('2025-05-15 18:00')
    expect(formatInstant(null)).toBe('—')
  })
})
