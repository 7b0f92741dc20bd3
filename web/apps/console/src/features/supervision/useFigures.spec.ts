import { afterEach, describe, expect, it, vi } from 'vitest'
import { useFigures } from './useFigures'

function figures(group: string, received: number) {
  return {
    group, received, accepted: received, immediate: 0, immediateShare: 0, finished: 0, onTime: 0, onTimeRate: null,
    early: 0, earlyRate: null, overdue: 0, averageActualDays: null, averagePromisedDays: null, averageLegalDays: null,
    satisfactionRate: 0.8, rated: 5, satisfied: 4, dissatisfied: 1, badRate: 0.2, openRectifications: 1,
  }
}

function answer(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } })
}

describe('the figures of the big screen', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('asks for the period grouped and for the monthly trend, and keeps the last figures when a refresh fails', async () => {
    const urls: string[] = []
    let fail = false
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url)
      if (fail) return answer({ code: 'SERVICE_UNAVAILABLE', messageZh: '服务暂不可用' }, 503)
      const monthly = url.includes('groupBy=MONTH')
      return answer({ centerId: '330110-ZX', from: '2025-05-01', to: '2025-05-31', groupBy: monthly ? 'MONTH' : 'DEPARTMENT',
        total: figures('ALL', 9), groups: monthly ? [figures('2025-05', 9)] : [figures('zrzy', 9)] })
    }))
    const f = useFigures()
    expect(await f.load('330110-ZX', { kind: 'month', month: '2025-05' }, 'DEPARTMENT')).toBe(true)
    expect(urls).toContain('/v1/stats?centerId=330110-ZX&from=2025-05-01&to=2025-05-31&groupBy=DEPARTMENT')
    expect(urls).toContain('/v1/stats?centerId=330110-ZX&from=2024-12-01&to=2025-05-31&groupBy=MONTH')
    expect(f.months.value).toEqual(['2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05'])
    const stamp = f.updatedAt.value
    expect(stamp).not.toBeNull()

    fail = true
    expect(await f.load('330110-ZX', { kind: 'month', month: '2025-05' }, 'DEPARTMENT')).toBe(false)
    expect(f.report.value?.total.received).toBe(9)
    expect(f.report.value?.total.satisfactionRate).toBe(0.8)
    expect(f.error.value?.code).toBe('SERVICE_UNAVAILABLE')
    expect(f.updatedAt.value).toBe(stamp)

    fail = false
    expect(await f.load('330110-ZX', { kind: 'month', month: '2025-05' }, 'DEPARTMENT')).toBe(true)
    expect(f.error.value).toBeNull()
  })
})
