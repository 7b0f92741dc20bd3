/**
 * The terminal's outbox (待同步): every write an agent makes goes here first, with the Idempotency-Key it will be
 * sent with, and leaves only when the platform answered. Entries are sent oldest first; a network failure, a 5xx,
 * a 429 or a 409 IDEMPOTENCY_IN_PROGRESS is tried again later with a bounded backoff (same key, same body, so the
 * platform never takes it twice); any other 4xx problem marks the entry rejected (被拒绝) with the problem's
 * message and it is never sent again unless the agent asks. A 401 (session expired) holds the queue until the agent
 * signs in again (and so does a 403 CSRF_TOKEN_INVALID: the page's token is renewed first). The storage is an interface so that the logic is tested without a browser (IndexedDB in the app).
 */

export type EntryKind = 'intake' | 'delivery'
export type EntryState = 'PENDING' | 'SENT' | 'REJECTED'

export interface OutboxEntry {
  /** The Idempotency-Key, fixed when the entry is made: every resend carries it. Also the entry's id. */
  key: string
  /** Creation order (milliseconds since the epoch plus a tie-breaker), the order entries are sent in. */
  seq: number
  createdAt: string
  kind: EntryKind
  method: 'POST'
  path: string
  body: unknown
  /** What the agent sees in the list (villager and item, or case and recipient): never sent. */
  label: string
  state: EntryState
  attempts: number
  /** Not before this time (ms since epoch) is the entry tried again. */
  nextAttemptAt: number
  /** The last problem: code and messages (rejected), or why the last try did not get through. */
  error: { code: string; messageZh: string; messageEn: string; status: number } | null
  /** The platform's answer when sent: the case number. */
  resultId: string | null
  sentAt: string | null
  /** Optional local attachment kept on the device with the entry (the photo of the signed authorisation form). */
  attachment?: Blob | null
}

/** Where the outbox keeps its entries: IndexedDB in the app, a Map in tests. */
export interface OutboxStore {
  all(): Promise<OutboxEntry[]>
  put(entry: OutboxEntry): Promise<void>
  remove(key: string): Promise<void>
}

/** The result of one try, as {@link classify} reads an answer or a failure. */
export type Outcome =
  | { kind: 'sent'; resultId: string | null }
  | { kind: 'rejected'; error: NonNullable<OutboxEntry['error']> }
  | { kind: 'retry'; error: NonNullable<OutboxEntry['error']> }
  | { kind: 'hold'; error: NonNullable<OutboxEntry['error']> }

export interface ProblemLike {
  status: number
  code: string
  messageZh: string
  messageEn: string
}

/**
 * How a failed try is taken: status 0 (no network), 5xx, 408, 429 and 409 IDEMPOTENCY_IN_PROGRESS (the platform is
 * still working on the first try with this key) → retry; 401 → hold until signed in again; other 4xx → rejected.
 */
export function classify(p: ProblemLike): Outcome {
  const error = { code: p.code, messageZh: p.messageZh, messageEn: p.messageEn, status: p.status }
  if (p.status === 0 || p.status >= 500 || p.status === 408 || p.status === 429) return { kind: 'retry', error }
  if (p.status === 409 && /IDEMPOTENCY/.test(p.code) && /PROGRESS|PENDING|IN_FLIGHT/.test(p.code)) {
    return { kind: 'retry', error }
  }
  if (p.status === 401 || (p.status === 403 && p.code === 'CSRF_TOKEN_INVALID')) return { kind: 'hold', error }
  return { kind: 'rejected', error }
}

export const BACKOFF_BASE_MS = 2_000
export const BACKOFF_MAX_MS = 5 * 60_000

/**
 * The wait before try number `attempts + 1`: 2 s doubling, capped at 5 minutes, with up to 20 % random spread
 * downwards so that many terminals coming back at once do not all knock together. Never below 1 s, never above the cap.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const exp = BACKOFF_BASE_MS * Math.pow(2, Math.max(0, Math.min(attempts - 1, 20)))
  const capped = Math.min(exp, BACKOFF_MAX_MS)
  return Math.max(1_000, Math.round(capped * (1 - 0.2 * random())))
}

/** Sends one entry: resolves to the case number (or null) or throws something with a status and a code. */
export type Sender = (entry: OutboxEntry) => Promise<string | null>

export interface SyncReport {
  sent: number
  rejected: number
  /** True when the pass stopped early (network down, server busy, session expired): the rest waits. */
  stopped: boolean
  held: boolean
  /** When the next try is due (ms since epoch), or null when nothing is waiting. */
  nextDueAt: number | null
}

let lastSeq = 0

export class Outbox {
  private running: Promise<SyncReport> | null = null

  constructor(
    private readonly store: OutboxStore,
    private readonly now: () => number = () => Date.now(),
    private readonly random: () => number = Math.random,
  ) {}

  /** Every entry, oldest first. */
  async list(): Promise<OutboxEntry[]> {
    return (await this.store.all()).sort((a, b) => a.seq - b.seq)
  }

  /** Adds a write; it is kept before anything is sent. */
  async add(input: { kind: EntryKind; path: string; body: unknown; label: string; key: string; attachment?: Blob | null }): Promise<OutboxEntry> {
    const t = this.now()
    const seq = Math.max(t * 1000, lastSeq + 1)
    lastSeq = seq
    const entry: OutboxEntry = {
      key: input.key, seq, createdAt: new Date(t).toISOString(), kind: input.kind, method: 'POST', path: input.path,
      body: input.body, label: input.label, state: 'PENDING', attempts: 0, nextAttemptAt: 0, error: null,
      resultId: null, sentAt: null, attachment: input.attachment ?? null,
    }
    await this.store.put(entry)
    return entry
  }

  /** The agent asks to try a rejected or waiting entry again now, with the same key and body. */
  async retry(key: string): Promise<void> {
    const e = (await this.store.all()).find((x) => x.key === key)
    if (!e || e.state === 'SENT') return
    await this.store.put({ ...e, state: 'PENDING', nextAttemptAt: 0 })
  }

  /** The link is back: entries that failed for want of a network (not the server's 5xx) are due now. */
  async wake(): Promise<void> {
    for (const e of await this.store.all()) {
      if (e.state === 'PENDING' && e.nextAttemptAt > 0 && e.error?.status === 0) {
        await this.store.put({ ...e, nextAttemptAt: 0 })
      }
    }
  }

  /** The agent gives a waiting or rejected entry up (or clears a sent one from the list). */
  async discard(key: string): Promise<void> {
    await this.store.remove(key)
  }

  /** One pass (never two at once): sends every due entry oldest first; stops at the first one that must wait. */
  sync(send: Sender): Promise<SyncReport> {
    if (!this.running) {
      this.running = this.pass(send).finally(() => {
        this.running = null
      })
    }
    return this.running
  }

  private async pass(send: Sender): Promise<SyncReport> {
    const report: SyncReport = { sent: 0, rejected: 0, stopped: false, held: false, nextDueAt: null }
    for (const entry of await this.list()) {
      if (entry.state !== 'PENDING') continue
      if (entry.nextAttemptAt > this.now()) {
        // the oldest waiting entry keeps its turn: nothing newer overtakes it
        report.stopped = true
        report.nextDueAt = entry.nextAttemptAt
        return report
      }
      let outcome: Outcome
      try {
        outcome = { kind: 'sent', resultId: await send(entry) }
      } catch (e) {
        outcome = classify(toProblem(e))
      }
      if (outcome.kind === 'sent') {
        await this.store.put({ ...entry, state: 'SENT', attempts: entry.attempts + 1, error: null,
          resultId: outcome.resultId, sentAt: new Date(this.now()).toISOString() })
        report.sent++
      } else if (outcome.kind === 'rejected') {
        await this.store.put({ ...entry, state: 'REJECTED', attempts: entry.attempts + 1, error: outcome.error })
        report.rejected++
      } else if (outcome.kind === 'hold') {
        await this.store.put({ ...entry, error: outcome.error })
        report.stopped = true
        report.held = true
        return report
      } else {
        const attempts = entry.attempts + 1
        const due = this.now() + backoffMs(attempts, this.random)
        await this.store.put({ ...entry, attempts, nextAttemptAt: due, error: outcome.error })
        report.stopped = true
        report.nextDueAt = due
        return report
      }
    }
    return report
  }
}

function toProblem(e: unknown): ProblemLike {
  const x = (e ?? {}) as Partial<ProblemLike> & { message?: string }
  return {
    status: typeof x.status === 'number' ? x.status : 0,
    code: typeof x.code === 'string' ? x.code : 'NETWORK_UNAVAILABLE',
    messageZh: x.messageZh ?? '网络不可用',
    messageEn: x.messageEn ?? (x.message || 'the network is unavailable'),
  }
}

/** A store in memory (tests, and a fallback where IndexedDB is missing). */
export class MemoryStore implements OutboxStore {
  readonly map = new Map<string, OutboxEntry>()
  async all() {
    return [...this.map.values()].map((e) => ({ ...e }))
  }
  async put(entry: OutboxEntry) {
    this.map.set(entry.key, { ...entry })
  }
  async remove(key: string) {
    this.map.delete(key)
  }
}
