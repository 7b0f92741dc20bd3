/** Types and pure helpers of the department inbox. */
import { splitSpan } from '@shared/countdown'

export type TaskStatus = 'CREATED' | 'PENDING' | 'AWAITING_SUPPLEMENT' | 'APPROVED' | 'DENIED'

export interface TaskView {
  taskId: string
  caseId: string
  itemCode: string
  itemName: string
  departmentCode: string
  departmentName?: string
  level: 'JOINT' | 'LOCAL' | 'HIGHER'
  status: TaskStatus
  createdAt: string
  deliveredAt?: string | null
  dueAt?: string | null
  outcome?: string | null
  reasons?: string[] | null
  missing?: string[] | null
  decidedAt?: string | null
  version: number
}

export interface TaskPage {
  items: TaskView[]
  nextCursor?: string | null
}

/** Soonest due first; tasks without a due last; then oldest first; the id keeps the order stable. */
export function sortByDue(tasks: TaskView[]): TaskView[] {
  const due = (t: TaskView) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY)
  return [...tasks].sort(
    (a, b) => due(a) - due(b) || Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.taskId.localeCompare(b.taskId),
  )
}

/** Adds a page to what is shown, once per task (a task may move between pages while paging). */
export function mergePage(shown: TaskView[], page: TaskView[]): TaskView[] {
  const byId = new Map(shown.map((t) => [t.taskId, t]))
  for (const t of page) byId.set(t.taskId, t)
  return sortByDue([...byId.values()])
}

/**
 * The due countdown's colour (红黄绿牌): overdue, red within 24 hours, yellow within 72 hours, green otherwise.
 * (Tasks carry no warning point, so their colour is by hours left; the span is split as the case countdown splits it.)
 */
export type Urgency = 'overdue' | 'red' | 'yellow' | 'green' | 'none'

export interface Countdown {
  urgency: Urgency
  /** Whole days and hours left (or late, when overdue). */
  days: number
  hours: number
}

export function countdown(dueAt: string | null | undefined, now: Date): Countdown {
  if (!dueAt) return { urgency: 'none', days: 0, hours: 0 }
  const ms = Date.parse(dueAt) - now.getTime()
  const { days, hours } = splitSpan(ms)
  const urgency: Urgency = ms < 0 ? 'overdue' : ms <= 24 * 3_600_000 ? 'red' : ms <= 72 * 3_600_000 ? 'yellow' : 'green'
  return { urgency, days, hours }
}

/** Element Plus tag type of an urgency. */
export function urgencyTag(u: Urgency): 'danger' | 'warning' | 'success' | 'info' {
  return u === 'overdue' || u === 'red' ? 'danger' : u === 'yellow' ? 'warning' : u === 'green' ? 'success' : 'info'
}

/** One department's progress in a joint case, read from the case's trail (TASK_DELIVERED / TASK_DECIDED). */
export interface DepartmentProgress {
  departmentCode: string
  state: 'WAITING' | 'DELIVERED' | 'APPROVE' | 'DENY' | 'REQUEST_SUPPLEMENT'
  at?: string
}

export interface TrailLine {
  event: string
  at: string
  departmentCode?: string | null
  reason?: string | null
}

export function progressOf(departments: string[], trail: TrailLine[]): DepartmentProgress[] {
  const state = new Map<string, DepartmentProgress>(departments.map((d) => [d, { departmentCode: d, state: 'WAITING' }]))
  for (const line of trail) {
    if (line.event !== 'TASK_DELIVERED' && line.event !== 'TASK_DECIDED') continue
    const words = (line.reason ?? '').trim().split(/\s+/)
    const dept = words[0] || line.departmentCode || ''
    if (!state.has(dept)) continue
    if (line.event === 'TASK_DELIVERED') {
      if (state.get(dept)!.state === 'WAITING') state.set(dept, { departmentCode: dept, state: 'DELIVERED', at: line.at })
    } else {
      const outcome = (words[1] ?? '').replace(/[:：]$/, '')
      if (outcome === 'APPROVE' || outcome === 'DENY' || outcome === 'REQUEST_SUPPLEMENT') {
        state.set(dept, { departmentCode: dept, state: outcome, at: line.at })
      }
    }
  }
  return [...state.values()]
}
