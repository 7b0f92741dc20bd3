import { describe, expect, it } from 'vitest'
import { BOM, buildCsv, csvField } from './csv'
import { exportRows, type Figures, type StatsReport } from './stats'

describe('CSV for Excel', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const csv = buildCsv(['部门', '满意率'], [['区规划和自然资源局', '83.3%']])
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv).toBe('\uFEFF部门,满意率\r\n区规划和自然资源局,83.3%\r\n')
    const bytes = new TextEncoder().encode(csv)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('quotes fields with commas, quotes and newlines; doubles inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('他说"好"')).toBe('"他说""好"""')
    expect(csvField('一行\n两行')).toBe('"一行\n两行"')
    expect(csvField('x\r\ny')).toBe('"x\r\ny"')
    expect(csvField('plain')).toBe('plain')
    expect(csvField(null)).toBe('')
    expect(csvField(0)).toBe('0')
  })

  it('keeps text that Excel would run as a formula as text, numbers as numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('-12.5')).toBe('-12.5')
    expect(csvField(-3)).toBe('-3')
  })

  it('the figures table exports groups then the total, counts as numbers and rates as shown', () => {
    const f = (group: string, over: Partial<Figures>): Figures => ({
      group, received: 0, accepted: 0, immediate: 0, immediateShare: null, finished: 0, onTime: 0, onTimeRate: null,
      early: 0, earlyRate: null, overdue: 0, averageActualDays: null, averagePromisedDays: null,
      averageLegalDays: null, satisfactionRate: null, rated: 0, satisfied: 0, dissatisfied: 0, badRate: null,
      openRectifications: null, ...over,
    })
    const report: StatsReport = {
      centerId: '330110-ZX', from: '2025-04-01', to: '2025-04-30', groupBy: 'DEPARTMENT',
      groups: [f('zrzy', { received: 3, accepted: 2, onTimeRate: 0.5, openRectifications: 1 })],
      total: f('ALL', { received: 3, accepted: 2, onTimeRate: 0.5, satisfactionRate: 0.6667, openRectifications: 1 }),
    }
    const rows = exportRows(report, (g) => (g === 'zrzy' ? '区规划和自然资源局' : g), '合计')
    expect(rows[0].slice(0, 6)).toEqual(['区规划和自然资源局', 3, 2, '—', 0, '50.0%'])
    expect(rows[1][0]).toBe('合计')
    expect(rows[1][12]).toBe('66.7%')
    expect(rows[1][13]).toBe(1)
    const csv = buildCsv(['g', ...Array(13).fill('c')], rows)
    expect(csv.split('\r\n')[1]).toBe('区规划和自然资源局,3,2,—,0,50.0%,—,0,—,—,—,0,—,1')
  })
})
