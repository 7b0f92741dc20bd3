/**
 * The hall board's and kiosk's view of a center's queue (`GET /v1/centers/{centerId}/queue`): which calls are new
 * (so the board announces each once), and the ETag polling step (304 keeps the screen; repeated failures show
 * "连接中断" and the next success recovers).
 */

export interface QueueCall {
  ticketId: string
  number: string
  window: number
  windowId: string
  status: string
  calledAt: string | null
  calls: number
  announcement: string | null
}

export interface CategoryState {
  prefix: string
  name: string
  waiting: number
  estimatedWaitMinutes: number
}

export interface QueueBoard {
  centerId: string
  date: string
  current: QueueCall[]
  recent: QueueCall[]
  categories: CategoryState[]
}

/** One call of one ticket: a recall of the same ticket (calls + 1, a new time) is a new call. */
export function callKey(c: QueueCall): string {
  return `${c.ticketId}#${c.calls}#${c.calledAt ?? ''}`
}

export function announcementOf(c: QueueCall): string {
  return c.announcement || `请 ${c.number} 号到 ${c.window} 号窗口办理`
}

/**
 * The calls of `next` the board has not shown yet, oldest first. The first board after start-up announces nothing
 * (those calls were made before the screen was on). Only calls still waiting for the citizen (CALLED) are spoken.
 */
export function newCalls(previous: QueueBoard | null, next: QueueBoard): QueueCall[] {
  if (!previous) return []
  const seen = new Set([...previous.current, ...previous.recent].map(callKey))
  const fresh = new Map<string, QueueCall>()
  for (const c of [...next.current, ...next.recent]) {
    if (c.status === 'CALLED' && !seen.has(callKey(c))) fresh.set(callKey(c), c)
  }
  return [...fresh.values()].sort((a, b) => (a.calledAt ?? '').localeCompare(b.calledAt ?? ''))
}

export interface PollState {
  etag: string | null
  board: QueueBoard | null
  failures: number
  /** True after {@link OFFLINE_AFTER} failures in a row, until the next answer. */
  offline: boolean
  /** 401/403: the device's credential is missing, wrong or revoked; polling stops until it is set up again. */
  unauthorized: boolean
  /** 404: no such center (or not this device's). */
  unknownCenter: boolean
}

export const OFFLINE_AFTER = 3

export function initialPollState(): PollState {
  return { etag: null, board: null, failures: 0, offline: false, unauthorized: false, unknownCenter: false }
}

export interface PollOutcome {
  state: PollState
  /** The new board when it changed (200), else null (304 or failure). */
  changed: QueueBoard | null
  /** Calls to announce, oldest first. */
  announce: QueueCall[]
}

/** One poll: `If-None-Match` with the last ETag; 200 replaces the board, 304 keeps it, anything else counts a failure. */
export async function pollOnce(state: PollState, url: string, headers: Record<string, string>,
                               fetchImpl: typeof fetch = fetch): Promise<PollOutcome> {
  const h: Record<string, string> = { Accept: 'application/json', ...headers }
  if (state.etag) h['If-None-Match'] = state.etag
  let response: Response
  try {
    response = await fetchImpl(url, { method: 'GET', headers: h, credentials: 'same-origin', cache: 'no-store' })
  } catch {
    return failed(state)
  }
  if (response.status === 304) {
    return { state: { ...state, failures: 0, offline: false }, changed: null, announce: [] }
  }
  if (response.status === 401 || response.status === 403) {
    return { state: { ...state, unauthorized: true }, changed: null, announce: [] }
  }
  if (response.status === 404) {
    return { state: { ...state, unknownCenter: true }, changed: null, announce: [] }
  }
  if (!response.ok) return failed(state)
  let board: QueueBoard
  try {
    board = (await response.json()) as QueueBoard
  } catch {
    return failed(state)
  }
  return {
    state: { etag: response.headers.get('ETag'), board, failures: 0, offline: false, unauthorized: false,
      unknownCenter: false },
    changed: board,
    announce: newCalls(state.board, board),
  }
}

function failed(state: PollState): PollOutcome {
  const failures = state.failures + 1
  return { state: { ...state, failures, offline: failures >= OFFLINE_AFTER }, changed: null, announce: [] }
}

/** A zh-CN voice when the device has one (the exact zh-CN first, then any Chinese), else null (browser default). */
export function pickVoice<V extends { lang: string }>(voices: readonly V[]): V | null {
  return voices.find((v) => v.lang.replace('_', '-').toLowerCase() === 'zh-cn')
    ?? voices.find((v) => v.lang.toLowerCase().startsWith('zh')) ?? null
}
