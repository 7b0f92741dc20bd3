/** Types and pure helpers of the rectification workbench (整改). */

export type RectificationStatus = 'AWAITING_JUDGEMENT' | 'IN_RECTIFICATION' | 'DISMISSED' | 'FIXED'

export interface Step {
  at: string
  event: string
  actorRole: string
  actorId: string
  note?: string | null
}

export interface Rectification {
  id: string
  caseId: string
  round: number
  evaluationId: string
  level: string
  status: RectificationStatus
  departmentCode?: string | null
  centerId?: string | null
  servicePointId?: string | null
  itemCode?: string | null
  openedAt: string
  valid?: boolean | null
  judgement?: string | null
  judgedBy?: string | null
  judgedAt?: string | null
  callbackDueAt?: string | null
  calledBackAt?: string | null
  callbackNote?: string | null
  callbackOverdueAt?: string | null
  fixDueAt?: string | null
  extensionDays?: number | null
  extensionReason?: string | null
  fixWarnedAt?: string | null
  fixOverdueAt?: string | null
  fixOverdueWorkingMinutes?: number | null
  fixedAt?: string | null
  fixNote?: string | null
  closedAt?: string | null
  history: Step[]
  version: number
}

export interface RectificationPage {
  items: Rectification[]
  nextCursor?: string | null
}

export type Action = 'judge' | 'callback' | 'extend' | 'fix'

/**
 * What the state allows (EvaluationService): judging while awaiting judgement; in rectification a call-back once,
 * one extension, and the fix after the call-back. Dismissed and fixed ones are closed. Only a supervisor or the
 * rated department handles one (an administrator reads only).
 */
export function actionsFor(r: Rectification, canHandle: boolean): Action[] {
  if (!canHandle) return []
  if (r.status === 'AWAITING_JUDGEMENT') return ['judge']
  if (r.status !== 'IN_RECTIFICATION') return []
  const out: Action[] = []
  if (!r.calledBackAt) out.push('callback')
  if (r.extensionDays == null) out.push('extend')
  if (r.calledBackAt) out.push('fix')
  return out
}

/** A fix that is late: flagged by the deadline checker, or past its due while still open. */
export function fixOverdue(r: Rectification, now: Date): boolean {
  if (r.fixOverdueAt) return true
  return r.status === 'IN_RECTIFICATION' && !!r.fixDueAt && Date.parse(r.fixDueAt) < now.getTime()
}

export function callbackOverdue(r: Rectification, now: Date): boolean {
  if (r.callbackOverdueAt) return true
  return r.status === 'IN_RECTIFICATION' && !r.calledBackAt && !!r.callbackDueAt
    && Date.parse(r.callbackDueAt) < now.getTime()
}

/** The re-rating's id (round 2 of the case), looked up once the fix is done. */
export function reRatingId(r: Rectification): string | null {
  return r.status === 'FIXED' ? `${r.caseId}-E${r.round + 1}` : null
}
