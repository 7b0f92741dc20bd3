import type { Role } from '@shared/session'
import type { CaseStatus, CaseView } from '@shared/cases'

/**
 * The actions a role may take on a case in its current status (CaseStateMachine.java, AccessPolicy.canDo and the
 * checks of CaseService): the console offers only these; the API still decides.
 */
export type CaseAction = 'supplement' | 'decide' | 'suspend' | 'resume' | 'extend' | 'result' | 'deliver' | 'reissue' | 'withdraw'

const OPEN: CaseStatus[] = ['SUBMITTED', 'AWAITING_MATERIALS', 'ACCEPTED', 'ACCEPTED_WITH_DEFICIENCY', 'IN_REVIEW', 'SUSPENDED', 'APPROVED']
const IN_CLOCK: CaseStatus[] = ['ACCEPTED', 'ACCEPTED_WITH_DEFICIENCY', 'IN_REVIEW']

type Case = Pick<CaseView, 'status' | 'mode' | 'agentId' | 'extensionDays' | 'dueAt'>

export function allowedActions(role: Role | null, c: Case): CaseAction[] {
  const s = c.status
  const out: CaseAction[] = []
  const window = role === 'WINDOW'
  const agent = role === 'AGENT'
  if ((window || agent) && OPEN.includes(s)) out.push('supplement')
  if (window) {
    if (IN_CLOCK.includes(s) && c.mode !== 'JOINT' && c.mode !== 'ESCALATED') out.push('decide')
    if (IN_CLOCK.includes(s)) out.push('suspend')
    if (s === 'SUSPENDED') out.push('resume')
    if ((IN_CLOCK.includes(s) || s === 'SUSPENDED') && c.dueAt && c.extensionDays == null) out.push('extend')
    if (s === 'APPROVED') out.push('result')
  }
  if ((window || agent) && (s === 'RESULT_READY' || s === 'DENIED')) out.push('deliver')
  if (role === 'SUPERVISOR' && s === 'RESULT_READY' && c.agentId) out.push('reissue')
  if ((window || agent) && OPEN.includes(s)) out.push('withdraw')
  return out
}
