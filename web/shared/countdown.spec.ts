import { describe, expect, it } from 'vitest'
import { countdown, splitSpan } from './countdown'

// 建设用地审批 accepted Fri 2025-04-25 10:00 Shanghai, 12 working days: due Thu 2025-05-15 18:00, warning at the close of
// the working day before (Wed 18:00), as the API's warningAt says
const promised = {
  status: 'IN_REVIEW',
  dueAt: '2025-05-15T10:00:00Z',
  warningAt: '2025-05-14T10:00:00Z',
}
const at = (iso: string) => new Date(iso)

describe('红黄绿牌 countdown', () => {
  it('is green before the warning point', () => {
    expect(countdown(promised, at('2025-05-14T09:59:00Z'))).toEqual({ light: 'green', remainingMs: 24 * 3600e3 + 60e3 })
    expect(countdown(promised, at('2025-05-14T09:59:59Z'))?.light).toBe('green')
    expect(countdown({ ...promised, status: 'ACCEPTED' }, at('2025-04-28T02:00:00Z'))?.light).toBe('green')
  })

  it('turns yellow at the warning point and stays yellow up to the due time itself', () => {
    expect(countdown(promised, at('2025-05-14T10:00:00Z'))?.light).toBe('yellow')
    expect(countdown(promised, at('2025-05-15T09:00:00Z'))).toEqual({ light: 'yellow', remainingMs: 3600e3 })
    expect(countdown(promised, at('2025-05-15T10:00:00Z'))?.light).toBe('yellow')
  })

  it('is red once overdue, with the time late', () => {
    const c = countdown(promised, at('2025-05-16T12:00:00Z'))
    expect(c?.light).toBe('red')
    expect(splitSpan(c!.remainingMs)).toEqual({ days: 1, hours: 2, minutes: 0 })
  })

  it('shows a suspended case paused with the time left when its clock stopped', () => {
    const suspended = {
      ...promised,
      status: 'SUSPENDED',
      suspensions: [
        { suspendedAt: '2025-04-28T02:00:00Z', resumedAt: '2025-04-29T02:00:00Z' },
        { suspendedAt: '2025-05-13T10:00:00Z', resumedAt: null },
      ],
    }
    // still paused weeks after the due: never red while the clock is stopped
    const c = countdown(suspended, at('2025-06-30T02:00:00Z'))
    expect(c).toEqual({ light: 'paused', remainingMs: 2 * 24 * 3600e3 })
  })

  it('handles a 0-day immediate case: accepted 10:00, warning halfway at 15:00, due 18:00 the same day', () => {
    const immediate = { status: 'ACCEPTED', dueAt: '2025-04-25T10:00:00Z', warningAt: '2025-04-25T07:00:00Z' }
    expect(countdown(immediate, at('2025-04-25T02:30:00Z'))?.light).toBe('green')
    expect(countdown(immediate, at('2025-04-25T07:00:00Z'))?.light).toBe('yellow')
    expect(countdown(immediate, at('2025-04-25T10:00:01Z'))?.light).toBe('red')
  })

  it('shows no colour for finished cases or cases without a running clock', () => {
    for (const status of ['APPROVED', 'DENIED', 'RESULT_READY', 'DELIVERED', 'WITHDRAWN', 'NOT_ACCEPTED']) {
      expect(countdown({ ...promised, status }, at('2025-05-16T12:00:00Z')), status).toBeNull()
    }
    expect(countdown({ status: 'AWAITING_MATERIALS', dueAt: null }, at('2025-05-16T12:00:00Z'))).toBeNull()
  })

  it('assumes one day before due when the view has no warning point', () => {
    const old = { status: 'IN_REVIEW', dueAt: '2025-05-15T10:00:00Z' }
    expect(countdown(old, at('2025-05-14T09:59:59Z'))?.light).toBe('green')
    expect(countdown(old, at('2025-05-14T10:00:00Z'))?.light).toBe('yellow')
  })
})
