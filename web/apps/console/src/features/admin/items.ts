/** The catalog item as GET/PUT /v1/items/{code} shows and takes it (ItemDto). */
export type ItemType = 'ADMINISTRATIVE_LICENSE' | 'PUBLIC_SERVICE' | 'OTHER'
export type HandlingMode = 'IMMEDIATE' | 'PROMISED' | 'JOINT' | 'ESCALATED'
export type MaterialForm = 'ORIGINAL' | 'COPY' | 'ORIGINAL_AND_COPY'

export interface ConditionDto { code: string; description: string; legalBasis?: string | null }
export interface MaterialDto {
  code: string; name: string; form: MaterialForm; copies: number; mandatory: boolean; tolerable: boolean
}
export interface DepartmentDto { code: string; name: string; timeLimitDays?: number | null }

export interface ItemDto {
  code: string
  version?: number
  name: string
  departmentCode: string
  departmentName?: string | null
  type: ItemType
  mode: HandlingMode
  regionCode?: string | null
  legalDays: number
  promisedDays: number
  fee?: number | null
  feeBasis?: string | null
  conditions: ConditionDto[]
  materials: MaterialDto[]
  departments: DepartmentDto[]
  escalateTo?: DepartmentDto | null
  controlled?: boolean
  controlBasis?: string | null
  deemedApprovedOnTimeout?: boolean
  warningDaysBefore?: number | null
  status?: 'ACTIVE' | 'CANCELLED'
  changeType?: 'ADDED' | 'CHANGED' | 'DELEGATED' | 'CANCELLED'
  versionedAt?: string
}

export const ITEM_TYPES: ItemType[] = ['ADMINISTRATIVE_LICENSE', 'PUBLIC_SERVICE', 'OTHER']
export const MODES: HandlingMode[] = ['IMMEDIATE', 'PROMISED', 'JOINT', 'ESCALATED']
export const FORMS: MaterialForm[] = ['ORIGINAL', 'COPY', 'ORIGINAL_AND_COPY']

/** The body of a PUT: the edited item without the read-only version fields; lists never null. */
export function toBody(item: ItemDto): ItemDto {
  const { version: _v, versionedAt: _at, ...rest } = item
  return {
    ...rest,
    conditions: item.conditions ?? [],
    materials: item.materials ?? [],
    departments: item.departments ?? [],
    changeType: item.changeType === 'DELEGATED' || item.changeType === 'CANCELLED' ? item.changeType : 'CHANGED',
  }
}

/** A deep copy of an item with lists filled in, for editing. */
export function editable(item: ItemDto): ItemDto {
  const copy = JSON.parse(JSON.stringify(item)) as ItemDto
  copy.conditions ??= []
  copy.materials ??= []
  copy.departments ??= []
  copy.controlled = !!copy.controlled
  // a save makes a CHANGED version unless the administrator says DELEGATED or CANCELLED
  copy.changeType = copy.changeType === 'DELEGATED' || copy.changeType === 'CANCELLED' ? copy.changeType : 'CHANGED'
  copy.deemedApprovedOnTimeout = !!copy.deemedApprovedOnTimeout
  return copy
}
