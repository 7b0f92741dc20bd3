/**
 * The citizen's progress query (办件进度查询, `GET /v1/progress/{caseNumber}` with `X-Query-Password`): plain-Chinese
 * status texts, the Retry-After wording, and the call itself. Nothing here is stored in the browser.
 */

export interface ProgressStep {
  at: string
  event: string
  status: string | null
}

export interface Progress {
  caseNumber: string
  itemName: string
  status: string
  applicantName: string | null
  submittedAt: string | null
  acceptedAt: string | null
  dueAt: string | null
  closedAt: string | null
  steps: ProgressStep[]
}

/** What a citizen reads for each case status: short, plain, no office jargon. */
export const STATUS_TEXT: Record<string, string> = {
  SUBMITTED: '已提交，等待窗口受理',
  NOT_ACCEPTED: '不予受理',
  AWAITING_MATERIALS: '材料不齐，请按告知补齐材料',
  ACCEPTED: '已受理，正在办理',
  ACCEPTED_WITH_DEFICIENCY: '已受理（容缺），请按告知补齐材料',
  IN_REVIEW: '正在审查',
  SUSPENDED: '暂停计时（等待补正、现场勘查等）',
  APPROVED: '已办结：准予许可',
  DENIED: '已办结：不予许可',
  RESULT_READY: '已办好，可以领取结果',
  DELIVERED: '结果已送达',
  WITHDRAWN: '已撤回',
}

export function statusText(status: string | null | undefined): string {
  return (status && STATUS_TEXT[status]) || '办理中'
}

/** What a past step of the timeline says (an event, not the state it left the case in). */
export const STEP_TEXT: Record<string, string> = {
  SUBMITTED: '提交申请',
  NOT_ACCEPTED: '不予受理',
  AWAITING_MATERIALS: '一次性告知需补齐的材料',
  ACCEPTED: '窗口受理',
  ACCEPTED_WITH_DEFICIENCY: '容缺受理',
  IN_REVIEW: '进入审查',
  SUSPENDED: '暂停计时',
  APPROVED: '准予许可',
  DENIED: '不予许可',
  RESULT_READY: '办结出件',
  DELIVERED: '结果送达',
  WITHDRAWN: '申请撤回',
}

export function stepText(step: ProgressStep): string {
  return (step.status && STEP_TEXT[step.status]) || '办理进展更新'
}

/** Whether the case is finished (shown in green rather than as "in progress"). */
export function isClosed(status: string | null | undefined): boolean {
  return ['NOT_ACCEPTED', 'APPROVED', 'DENIED', 'RESULT_READY', 'DELIVERED', 'WITHDRAWN'].includes(status ?? '')
}

/** Whole minutes until the client may ask again, from a Retry-After header (seconds or an HTTP date); at least 1. */
export function retryAfterMinutes(header: string | null | undefined, now: number = Date.now()): number {
  if (!header) return 1
  const trimmed = header.trim()
  let seconds: number
  if (/^\d+$/.test(trimmed)) {
    seconds = Number(trimmed)
  } else {
    const at = Date.parse(trimmed)
    seconds = Number.isNaN(at) ? 60 : (at - now) / 1000
  }
  return Math.max(1, Math.ceil(seconds / 60))
}

export function rateLimitedText(header: string | null | undefined, now: number = Date.now()): string {
  return `查询过于频繁，请 ${retryAfterMinutes(header, now)} 分钟后再试`
}

export const NOT_FOUND_TEXT = '办件编号或查询密码不正确'

export function validPassword(password: string): boolean {
  return /^\d{6}$/.test(password)
}

/** A date in Beijing time as 2026年12月6日 (the citizen's calendar, whatever the phone's time zone). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '—'
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' })
    .format(d)
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '—'
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit',
    hour12: false,
  }).format(d)
}

export type ProgressResult =
  | { kind: 'ok'; progress: Progress }
  | { kind: 'error'; message: string }

/**
 * Asks for the progress. A wrong password and an unknown case read the same (the API does not tell them apart
 * either); 429 names the minutes from Retry-After. The page keeps the answer only in memory.
 */
export async function queryProgress(caseNumber: string, password: string,
                                    fetchImpl: typeof fetch = fetch, now: () => number = Date.now): Promise<ProgressResult> {
  let response: Response
  try {
    response = await fetchImpl(`/v1/progress/${encodeURIComponent(caseNumber.trim())}`, {
      method: 'GET',
      headers: { Accept: 'application/json', 'X-Query-Password': password },
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch {
    return { kind: 'error', message: '网络不可用，请检查网络后重试' }
  }
  if (response.ok) return { kind: 'ok', progress: (await response.json()) as Progress }
  if (response.status === 404 || response.status === 400) return { kind: 'error', message: NOT_FOUND_TEXT }
  if (response.status === 429) return { kind: 'error', message: rateLimitedText(response.headers.get('Retry-After'), now()) }
  return { kind: 'error', message: '系统繁忙，请稍后再试' }
}
