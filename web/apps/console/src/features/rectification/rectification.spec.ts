import { describe, expect, it } from 'vitest'
import { actionsFor, callbackOverdue, fixOverdue, reRatingId, type Rectification } from './rectification'

function r(over: Partial<Rectification>): Rectification {
  return {
    id: 'C1-R1', caseId: 'C1', round: 1, evaluationId: 'C1-E1', level: 'DISSATISFIED', status: 'AWAITING_JUDGEMENT',
    departmentCode: 'scjg', openedAt: '2026-12-01T02:00:00Z', history: [], version: 0, ...over,
  }
}

describe('rectification actions by state', () => {
  it('awaiting judgement: only judging', () => {
    expect(actionsFor(r({}), true)).toEqual(['judge'])
  })
  it('in rectification before the call-back: call-back and extension, no fix yet', () => {
    expect(actionsFor(r({ status: 'IN_RECTIFICATION', valid: true }), true)).toEqual(['callback', 'extend'])
  })
  it('after the call-back: extension and fix; after the one extension: fix only', () => {
    const called = r({ status: 'IN_RECTIFICATION', calledBackAt: '2026-12-02T02:00:00Z' })
    expect(actionsFor(called, true)).toEqual(['extend', 'fix'])
    expect(actionsFor({ ...called, extensionDays: 5 }, true)).toEqual(['fix'])
  })
  it('dismissed and fixed are closed; a reader who cannot handle gets nothing', () => {
    expect(actionsFor(r({ status: 'DISMISSED' }), true)).toEqual([])
    expect(actionsFor(r({ status: 'FIXED' }), true)).toEqual([])
    expect(actionsFor(r({}), false)).toEqual([])
  })
})

describe('overdue flags and re-rating', () => {
  const now = new Date('2026-12-06T08:00:00Z')
  it('flags a fix past its due while open, or marked overdue by the checker', () => {
    expect(fixOverdue(r({ status: 'IN_RECTIFICATION', fixDueAt: '2026-12-05T10:00:00Z' }), now)).toBe(true)
    expect(fixOverdue(r({ status: 'IN_RECTIFICATION', fixDueAt: '2026-12-25T10:00:00Z' }), now)).toBe(false)
    expect(fixOverdue(r({ status: 'FIXED', fixDueAt: '2026-12-05T10:00:00Z' }), now)).toBe(false)
    expect(fixOverdue(r({ status: 'FIXED', fixOverdueAt: '2026-12-05T10:00:00Z' }), now)).toBe(true)
    expect(callbackOverdue(r({ status: 'IN_RECTIFICATION', callbackDueAt: '2026-12-02T10:00:00Z' }), now)).toBe(true)
  })
  it('looks for the round-2 rating only after the fix', () => {
    expect(reRatingId(r({ status: 'FIXED' }))).toBe('C1-E2')
    expect(reRatingId(r({ status: 'IN_RECTIFICATION' }))).toBeNull()
  })
})
