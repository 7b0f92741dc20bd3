import { describe, expect, it } from 'vitest'
import { countdown, mergePage, progressOf, sortByDue, type TaskView } from './inbox'

function task(id: string, dueAt: string | null, createdAt = '2026-12-01T01:00:00Z'): TaskView {
  return {
    taskId: id, caseId: 'C-' + id, itemCode: '330100-XK-0012', itemName: '固定资产投资项目审批', departmentCode: 'fgw',
    level: 'JOINT', status: 'PENDING', createdAt, dueAt, version: 1,
  }
}

describe('inbox order', () => {
  it('puts the soonest due first, tasks without a due last, ties by age then id', () => {
    const sorted = sortByDue([
      task('t4', null),
      task('t2', '2026-12-10T10:00:00Z', '2026-12-02T01:00:00Z'),
      task('t1', '2026-12-08T10:00:00Z'),
      task('t3', '2026-12-10T10:00:00Z', '2026-12-01T01:00:00Z'),
      task('t0', '2026-12-01T10:00:00Z'),
    ])
    expect(sorted.map((t) => t.taskId)).toEqual(['t0', 't1', 't3', 't2', 't4'])
  })

  it('merges a further page without showing a task twice, still by due', () => {
    const shown = sortByDue([task('a', '2026-12-09T10:00:00Z'), task('b', '2026-12-11T10:00:00Z')])
    const merged = mergePage(shown, [task('b', '2026-12-11T10:00:00Z'), task('c', '2026-12-07T10:00:00Z')])
    expect(merged.map((t) => t.taskId)).toEqual(['c', 'a', 'b'])
  })
})

describe('due countdown', () => {
  const now = new Date('2026-12-06T08:00:00Z')
  it('is green beyond 3 days, yellow within 3 days, red within a day, overdue after', () => {
    expect(countdown('2026-12-10T10:00:00Z', now)).toEqual({ urgency: 'green', days: 4, hours: 2 })
    expect(countdown('2026-12-08T10:00:00Z', now).urgency).toBe('yellow')
    expect(countdown('2026-12-06T20:00:00Z', now)).toEqual({ urgency: 'red', days: 0, hours: 12 })
    expect(countdown('2026-12-05T05:00:00Z', now)).toEqual({ urgency: 'overdue', days: 1, hours: 3 })
    expect(countdown(null, now).urgency).toBe('none')
  })
})

describe('joint departments progress', () => {
  it('reads deliveries and decisions from the case trail', () => {
    const p = progressOf(['fgw', 'zrzy', 'zjj'], [
      { event: 'ACCEPTED', at: '2026-12-01T01:00:00Z', reason: null },
      { event: 'TASK_DELIVERED', at: '2026-12-01T01:01:00Z', reason: 'fgw' },
      { event: 'TASK_DELIVERED', at: '2026-12-01T01:01:00Z', reason: 'zrzy' },
      { event: 'TASK_DECIDED', at: '2026-12-02T01:00:00Z', reason: 'zrzy DENY: 用地不符合规划' },
      { event: 'TASK_DECIDED', at: '2026-12-03T01:00:00Z', reason: 'fgw APPROVE' },
    ])
    expect(p.map((x) => [x.departmentCode, x.state])).toEqual([['fgw', 'APPROVE'], ['zrzy', 'DENY'], ['zjj', 'WAITING']])
  })
})
