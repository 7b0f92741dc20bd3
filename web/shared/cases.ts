/** Shapes of the catalog and case API (ItemDto, IntakeRequest, CaseView, HistoryView) and the calls on them. */
import { api, type CallOptions } from './api'

export type HandlingMode = 'IMMEDIATE' | 'PROMISED' | 'JOINT' | 'ESCALATED'
export type MaterialForm = 'ORIGINAL' | 'COPY' | 'ORIGINAL_AND_COPY'
export type ApplicantType = 'PERSON' | 'COMPANY'
export type IdType =
  | 'RESIDENT_ID' | 'PASSPORT' | 'HK_MACAO_PERMIT' | 'TAIWAN_PERMIT' | 'FOREIGNER_PERMANENT_RESIDENT'
  | 'UNIFIED_SOCIAL_CREDIT_CODE' | 'OTHER'
export type CaseStatus =
  | 'SUBMITTED' | 'NOT_ACCEPTED' | 'AWAITING_MATERIALS' | 'ACCEPTED' | 'ACCEPTED_WITH_DEFICIENCY' | 'IN_REVIEW'
  | 'SUSPENDED' | 'APPROVED' | 'DENIED' | 'RESULT_READY' | 'DELIVERED' | 'WITHDRAWN'
export type NoticeType =
  | 'ONE_TIME_NOTICE' | 'ACCEPTANCE' | 'PROMISE' | 'DEFICIENCY_ACCEPTANCE' | 'NOT_ACCEPTED' | 'DENIAL'
  | 'RESULT_READY' | 'SUSPENSION' | 'EXTENSION'
export type SuspensionKind =
  | 'HEARING' | 'SITE_INSPECTION' | 'TESTING' | 'QUARANTINE' | 'APPRAISAL' | 'EXPERT_REVIEW' | 'SUPPLEMENT'

export const CASE_STATUSES: CaseStatus[] = [
  'SUBMITTED', 'AWAITING_MATERIALS', 'ACCEPTED', 'ACCEPTED_WITH_DEFICIENCY', 'IN_REVIEW', 'SUSPENDED', 'APPROVED',
  'DENIED', 'RESULT_READY', 'DELIVERED', 'NOT_ACCEPTED', 'WITHDRAWN',
]
export const SUSPENSION_KINDS: SuspensionKind[] = [
  'HEARING', 'SITE_INSPECTION', 'TESTING', 'QUARANTINE', 'APPRAISAL', 'EXPERT_REVIEW', 'SUPPLEMENT',
]
export const ID_TYPES: IdType[] = [
  'RESIDENT_ID', 'UNIFIED_SOCIAL_CREDIT_CODE', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT',
  'FOREIGNER_PERMANENT_RESIDENT', 'OTHER',
]

export interface MaterialRequirement {
  code: string
  name: string
  form: MaterialForm
  copies: number
  mandatory: boolean
  tolerable: boolean
}

export interface AcceptanceCondition {
  code: string
  description: string
  legalBasis: string
}

export interface Item {
  code: string
  version: number
  name: string
  departmentCode: string
  departmentName: string
  type: string
  mode: HandlingMode
  regionCode: string
  legalDays: number
  promisedDays: number
  fee?: number | null
  feeBasis?: string | null
  conditions: AcceptanceCondition[] | null
  materials: MaterialRequirement[]
  departments?: { code: string; name: string; timeLimitDays: number }[] | null
  controlled?: boolean | null
  controlBasis?: string | null
  status?: string
}

export interface SubmittedMaterial {
  code: string
  copies: number
}

export interface IntakeRequest {
  itemCode: string
  channel: 'WINDOW' | 'VILLAGE_AGENT'
  applicant: { name: string; type: ApplicantType; idType: IdType; idNumber: string; phone: string }
  materials: SubmittedMaterial[]
  unmetConditions: string[]
  /** The queue ticket being served at this window: the case carries its queue number (and so does its rating). */
  ticketId?: string
}

export interface Notice {
  type: NoticeType
  title: string
  missing: string[] | null
  text: string
  issuedAt: string
}

export interface Suspension {
  kind: SuspensionKind
  reason: string
  suspendedAt: string
  resumedAt: string | null
}

export interface CaseView {
  id: string
  itemCode: string
  itemVersion: number
  itemName: string
  mode: HandlingMode
  status: CaseStatus
  statusName: string
  channel: string
  applicant: { name: string; type: ApplicantType | null; idType: IdType; idNumber: string; phone: string } | null
  centerId: string
  servicePointId: string | null
  agentId: string | null
  materials: SubmittedMaterial[]
  missing: string[]
  outstandingTolerable: string[]
  submittedAt: string
  acceptedAt: string | null
  dueAt: string | null
  dueAtLocal: string | null
  dueProvisional: boolean
  promisedDays: number
  legalDays: number
  suspensions: Suspension[] | null
  extensionDays: number | null
  extensionReason: string | null
  decision: { outcome: string; reasons: string[]; decidedAt: string; decidedBy: string | null } | null
  resultNumber: string | null
  resultIssuedAt: string | null
  deliveredAt: string | null
  deliveredTo: string | null
  notice: Notice | null
  notices: Notice[] | null
  taskDepartments: string[]
  warnedAt: string | null
  overdueAt: string | null
  warningAt?: string | null
  version: number
  /** One-time query password (查询密码), only in the intake answer when the platform issues one. */
  queryPassword?: string | null
}

export interface CasePage {
  items: CaseView[]
  nextCursor: string | null
}

export interface HistoryEntry {
  seq: number
  event: string
  from: CaseStatus | null
  to: CaseStatus | null
  at: string
  actorRole: string | null
  actorId: string | null
  servicePointId: string | null
  departmentCode: string | null
  reason: string | null
}

export const casesApi = {
  items: () => api.get<Item[]>('/v1/items'),
  item: (code: string, version?: number) => api.get<Item>(`/v1/items/${encodeURIComponent(code)}`, { version }),
  intake: (body: IntakeRequest, options: CallOptions) => api.post<CaseView>('/v1/cases', body, options),
  list: (query: { status?: string; centerId?: string; servicePointId?: string; limit?: number; cursor?: string | null }) =>
    api.get<CasePage>('/v1/cases', query),
  get: (id: string) => api.get<CaseView>(`/v1/cases/${encodeURIComponent(id)}`),
  history: (id: string) => api.get<HistoryEntry[]>(`/v1/cases/${encodeURIComponent(id)}/history`),
  act: (id: string, action: string, body: unknown, options: CallOptions) =>
    api.post<CaseView>(`/v1/cases/${encodeURIComponent(id)}/${action}`, body, options),
}
