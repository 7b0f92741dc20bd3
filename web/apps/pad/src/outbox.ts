/**
 * The PAD's offline queue (outbox) of ratings: every rating is kept on the device (IndexedDB) the moment the person
 * presses a button, and sent to POST /v1/evaluation-batches whenever the network allows. Pure decisions here; the
 * storage and HTTP are given (so the rules are tested without a browser).
 *
 * Never counted twice: a rating has a stable id and there is at most one per case on the device; a re-sent batch
 * carries the same records (the server's rule: one rating per case and applicant, the same rating again is not a
 * second vote) and the same Idempotency-Key while its set of records is the same.
 */
export type Level = 'VERY_SATISFIED' | 'SATISFIED' | 'BASIC' | 'DISSATISFIED' | 'VERY_DISSATISFIED'

export type RatingState = 'queued' | 'sent' | 'accepted' | 'rejected'

export interface QueuedRating {
  /** Stable identity of this rating on this device. */
  id: string
  /** Order of pressing (sending keeps it). */
  seq: number
  caseId: string
  level: Level
  comment: string | null
  windowId: string
  /** The rating request's token: confirms the applicant (the staff saw them). */
  confirmation: string
  /** ISO instant of the press. */
  ratedAt: string
  state: RatingState
  attempts: number
  /** Epoch ms before which it is not sent again. */
  nextAttemptAt: number
  batchId?: string
  batchIndex?: number
  error?: { code: string; message: string }
}

export interface OutboxStore {
  all(): Promise<QueuedRating[]>
  put(records: QueuedRating[]): Promise<void>
}

/** Records per upload. */
export const MAX_BATCH = 100
/** The first retry after 2 s, doubling, never more than a minute apart. */
export const BACKOFF_BASE_MS = 2000
export const BACKOFF_CAP_MS = 60_000

export function backoff(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1))
}

/** What to do after a failed upload: a refusal (4xx) is final and shown; anything else is tried again later. */
export function classify(status: number | 'network'): 'retry' | 'rejected' {
  if (status === 'network') return 'retry'
  if (status === 408 || status === 425 || status === 429) return 'retry'
  if (status >= 400 && status < 500) return 'rejected'
  return 'retry'
}

/**
 * Adds a rating unless the device already holds one for the same case that is not rejected (a double tap, a
 * second person pressing): returns the list unchanged then.
 */
export function enqueue(list: QueuedRating[], r: Omit<QueuedRating, 'seq' | 'state' | 'attempts' | 'nextAttemptAt'>):
  { list: QueuedRating[]; added: QueuedRating | null } {
  if (list.some((x) => x.id === r.id || (x.caseId === r.caseId && x.state !== 'rejected'))) {
    return { list, added: null }
  }
  const seq = list.reduce((m, x) => Math.max(m, x.seq), 0) + 1
  const added: QueuedRating = { ...r, seq, state: 'queued', attempts: 0, nextAttemptAt: 0 }
  return { list: [...list, added], added }
}

/**
 * How far the platform's clock is ahead of the device's (ms), from a server time read at device time `now`: a rating
 * kept offline is stamped `Date.now() + offset`, so a device clock that is off does not make it "in the future".
 */
export function serverOffset(serverTime: string, now: number): number {
  const t = Date.parse(serverTime)
  return Number.isFinite(t) ? t - now : 0
}

/** The ratings to upload now, in the order they were given. */
export function due(list: QueuedRating[], now: number): QueuedRating[] {
  return list.filter((r) => r.state === 'queued' && r.nextAttemptAt <= now).sort((a, b) => a.seq - b.seq)
    .slice(0, MAX_BATCH)
}

/** The Idempotency-Key of an upload: the same for the same set of ratings (a retry), another for another set. */
export function batchKey(records: QueuedRating[]): string {
  const ids = records.map((r) => r.id).sort().join(',')
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < ids.length; i++) {
    const c = ids.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0
    h2 = Math.imul(h2 ^ c, 2246822507) >>> 0
  }
  return `pad-${records.length}-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`
}

/** The body of an upload. */
export function batchBody(records: QueuedRating[]) {
  return {
    records: records.map((r) => ({
      caseId: r.caseId, level: r.level, channel: 'PAD', applicantConfirmation: r.confirmation,
      windowId: r.windowId, comment: r.comment, ratedAt: r.ratedAt,
    })),
  }
}

export function markSent(list: QueuedRating[], sent: QueuedRating[], batchId: string): QueuedRating[] {
  const index = new Map(sent.map((r, i) => [r.id, i]))
  return list.map((r) => index.has(r.id) ? { ...r, state: 'sent', batchId, batchIndex: index.get(r.id) } : r)
}

export function markFailed(list: QueuedRating[], sent: QueuedRating[], status: number | 'network', now: number,
                           error?: { code: string; message: string }): QueuedRating[] {
  const ids = new Set(sent.map((r) => r.id))
  const verdict = classify(status)
  return list.map((r) => {
    if (!ids.has(r.id)) return r
    if (verdict === 'rejected') {
      return { ...r, state: 'rejected', error: error ?? { code: `HTTP_${status}`, message: '提交被拒绝' } }
    }
    const attempts = r.attempts + 1
    return { ...r, attempts, nextAttemptAt: now + backoff(attempts) }
  })
}

export interface BatchStatus {
  state: string
  errors: { index: number; caseId: string | null; code: string; messageZh: string }[]
}

/** A finished batch: its records with an error are rejected (shown, never sent again), the others accepted. */
export function applyBatchStatus(list: QueuedRating[], batchId: string, status: BatchStatus): QueuedRating[] {
  if (status.state !== 'COMPLETED') return list
  const errors = new Map(status.errors.map((e) => [e.index, e]))
  return list.map((r) => {
    if (r.batchId !== batchId || r.state !== 'sent') return r
    const e = r.batchIndex === undefined ? undefined : errors.get(r.batchIndex)
    return e ? { ...r, state: 'rejected', error: { code: e.code, message: e.messageZh } } : { ...r, state: 'accepted' }
  })
}

/** Batches uploaded and not yet finished. */
export function openBatches(list: QueuedRating[]): string[] {
  return [...new Set(list.filter((r) => r.state === 'sent' && r.batchId).map((r) => r.batchId as string))]
}

/** Cases the device holds a rating for (not rejected): the PAD does not ask for them again. */
export function ratedCases(list: QueuedRating[]): Set<string> {
  return new Set(list.filter((r) => r.state !== 'rejected').map((r) => r.caseId))
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>

/**
 * One round of sending: upload what is due (one batch), then ask about every unfinished batch. Returns the new
 * list (also stored). Network errors and 5xx leave ratings queued with a growing pause; a 4xx marks them rejected.
 */
export async function syncOnce(store: OutboxStore, headers: Record<string, string>, fetchImpl: Fetch,
                               now: () => number = Date.now): Promise<QueuedRating[]> {
  let list = await store.all()
  const send = due(list, now())
  if (send.length) {
    let next: QueuedRating[]
    try {
      const res = await fetchImpl('/v1/evaluation-batches', {
        method: 'POST', credentials: 'same-origin', cache: 'no-store',
        headers: { ...headers, 'Content-Type': 'application/json', Accept: 'application/json',
          'Idempotency-Key': batchKey(send) },
        body: JSON.stringify(batchBody(send)),
      })
      if (res.status === 202 || res.ok) {
        const b = (await res.json()) as { id: string }
        next = markSent(list, send, b.id)
      } else {
        let error: { code: string; message: string } | undefined
        try {
          const p = (await res.json()) as { code?: string; messageZh?: string }
          if (p.code) error = { code: p.code, message: p.messageZh ?? p.code }
        } catch { /* no problem body */ }
        next = markFailed(list, send, res.status, now(), error)
      }
    } catch {
      next = markFailed(list, send, 'network', now())
    }
    await store.put(next.filter((r, i) => r !== list[i]))
    list = next
  }
  for (const batchId of openBatches(list)) {
    try {
      const res = await fetchImpl(`/v1/evaluation-batches/${encodeURIComponent(batchId)}?limit=1000`, {
        method: 'GET', credentials: 'same-origin', cache: 'no-store', headers: { ...headers, Accept: 'application/json' },
      })
      if (!res.ok) continue
      const next = applyBatchStatus(list, batchId, (await res.json()) as BatchStatus)
      await store.put(next.filter((r, i) => r !== list[i]))
      list = next
    } catch {
      break // offline: ask again next round
    }
  }
  return list
}

/** A store in memory (tests, and a browser without IndexedDB). */
export function memoryStore(initial: QueuedRating[] = []): OutboxStore & { records: Map<string, QueuedRating> } {
  const records = new Map(initial.map((r) => [r.id, r]))
  return {
    records,
    async all() { return [...records.values()].sort((a, b) => a.seq - b.seq) },
    async put(rs) { for (const r of rs) records.set(r.id, r) },
  }
}
