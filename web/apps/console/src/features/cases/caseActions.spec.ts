import { describe, expect, it } from 'vitest'
import { allowedActions } from './caseActions'

const base = { mode: 'PROMISED' as const, agentId: null, extensionDays: null, dueAt: '2025-05-15T10:00:00Z' }

describe('actions offered on a case', () => {
  it('a window clerk works an accepted promised case: supplement, decide, suspend, extend, withdraw', () => {
    expect(allowedActions('WINDOW', { ...base, status: 'ACCEPTED' }))
      .toEqual(['supplement', 'decide', 'suspend', 'extend', 'withdraw'])
  })

  it('joint cases are decided by the departments, not at the window', () => {
    expect(allowedActions('WINDOW', { ...base, mode: 'JOINT', status: 'IN_REVIEW' })).not.toContain('decide')
  })

  it('a suspended case can be resumed; an extended one is not extended twice', () => {
    const a = allowedActions('WINDOW', { ...base, status: 'SUSPENDED', extensionDays: 5 })
    expect(a).toContain('resume')
    expect(a).not.toContain('extend')
    expect(a).not.toContain('suspend')
  })

  it('approved → result; result ready or denied → deliver; finished cases offer nothing', () => {
    expect(allowedActions('WINDOW', { ...base, status: 'APPROVED' })).toEqual(['supplement', 'result', 'withdraw'])
    expect(allowedActions('WINDOW', { ...base, status: 'RESULT_READY' })).toEqual(['deliver'])
    expect(allowedActions('WINDOW', { ...base, status: 'DENIED' })).toEqual(['deliver'])
    for (const status of ['DELIVERED', 'WITHDRAWN', 'NOT_ACCEPTED'] as const) {
      expect(allowedActions('WINDOW', { ...base, status })).toEqual([])
    }
  })

  it('supervisors only reissue the pick-up code of an agent case waiting for hand-over; staff only read', () => {
    expect(allowedActions('SUPERVISOR', { ...base, status: 'RESULT_READY', agentId: 'agent-001' })).toEqual(['reissue'])
    expect(allowedActions('SUPERVISOR', { ...base, status: 'RESULT_READY' })).toEqual([])
    expect(allowedActions('STAFF', { ...base, status: 'IN_REVIEW' })).toEqual([])
    expect(allowedActions('AGENT', { ...base, status: 'IN_REVIEW' })).toEqual(['supplement', 'withdraw'])
  })
})
