import { describe, expect, it } from 'vitest'
import {
  applyBatchStatus, backoff, serverOffset, BACKOFF_CAP_MS, batchBody, batchKey, classify, due, enqueue, memoryStore,
  type QueuedRating, syncOnce,
} from './outbox'

const base = (caseId: string, id = `r-${caseId}`) => ({
  id, caseId, level: 'SATISFIED' as const, comment: null, windowId: '330110-ZX-W01', confirmation: 'RTtoken',
  ratedAt: '2025-04-25T02:00:00Z',
})

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('the PAD outbox', () => {
  it('keeps ratings in the order they were given and sends them in that order', () => {
    let list: QueuedRating[] = []
    for (const c of ['C3', 'C1', 'C2']) list = enqueue(list, base(c)).list
    expect(due(list, 0).map((r) => r.caseId)).toEqual(['C3', 'C1', 'C2'])
    expect(batchBody(due(list, 0)).records.map((r) => r.caseId)).toEqual(['C3', 'C1', 'C2'])
  })

  it('holds one rating per case: a double tap or a second press for the same case is not a second rating', () => {
    let list = enqueue([], base('C1')).list
    const again = enqueue(list, { ...base('C1', 'r-other'), level: 'BASIC' })
    expect(again.added).toBeNull()
    expect(again.list).toHaveLength(1)
    expect(enqueue(list, base('C1')).added).toBeNull() // the same id
    // once the server refused it, the case may be rated again
    list = list.map((r) => ({ ...r, state: 'rejected' as const }))
    expect(enqueue(list, { ...base('C1', 'r-2') }).added).not.toBeNull()
  })

  it('uses the same Idempotency-Key for the same set of ratings and another for another set', () => {
    const list = ['C1', 'C2'].reduce((l, c) => enqueue(l, base(c)).list, [] as QueuedRating[])
    expect(batchKey(list)).toBe(batchKey([...list].reverse()))
    expect(batchKey(list)).not.toBe(batchKey(list.slice(0, 1)))
    expect(batchKey(list)).toMatch(/^pad-2-[0-9a-f]{16}$/)
  })

  it('treats refusals (4xx) as final and network errors, 5xx, 408 and 429 as worth another try', () => {
    expect(classify(400)).toBe('rejected')
    expect(classify(403)).toBe('rejected')
    expect(classify(422)).toBe('rejected')
    expect(classify(408)).toBe('retry')
    expect(classify(429)).toBe('retry')
    expect(classify(500)).toBe('retry')
    expect(classify(503)).toBe('retry')
    expect(classify('network')).toBe('retry')
  })

  it('waits longer after each failure, never more than a minute', () => {
    expect(backoff(1)).toBe(2000)
    expect(backoff(2)).toBe(4000)
    expect(backoff(3)).toBe(8000)
    expect(backoff(30)).toBe(BACKOFF_CAP_MS)
  })

  it('offline: the ratings stay queued and are tried again after the pause, not before', async () => {
    const store = memoryStore()
    await store.put(enqueue([], base('C1')).list)
    let calls = 0
    const offline = async () => { calls++; throw new TypeError('Failed to fetch') }
    let now = 1_000
    let list = await syncOnce(store, {}, offline, () => now)
    expect(list[0]).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: 3_000 })
    list = await syncOnce(store, {}, offline, () => now)
    expect(calls).toBe(1) // still pausing
    now = 3_000
    list = await syncOnce(store, {}, async () => json(503, { code: 'UNAVAILABLE' }), () => now)
    expect(list[0]).toMatchObject({ state: 'queued', attempts: 2, nextAttemptAt: 7_000 })
  })

  it('a refused upload is marked rejected with the reason and is not sent again', async () => {
    const store = memoryStore()
    await store.put(enqueue([], base('C1')).list)
    let calls = 0
    const refuse = async () => { calls++; return json(422, { code: 'IDEMPOTENCY_KEY_REUSED', messageZh: '幂等键已用于另一个不同的请求' }) }
    const list = await syncOnce(store, {}, refuse, () => 0)
    expect(list[0]).toMatchObject({ state: 'rejected', error: { code: 'IDEMPOTENCY_KEY_REUSED' } })
    await syncOnce(store, {}, refuse, () => 10 ** 9)
    expect(calls).toBe(1)
  })

  it('accepted uploads are followed until the batch is done: records with an error are rejected, the rest accepted', async () => {
    const store = memoryStore()
    let list: QueuedRating[] = []
    for (const c of ['C1', 'C2', 'C3']) list = enqueue(list, base(c)).list
    await store.put(list)
    const seen: { url: string; key?: string; body?: string }[] = []
    let finished = false
    const server = async (url: string, init?: RequestInit) => {
      const h = (init?.headers ?? {}) as Record<string, string>
      seen.push({ url, key: h['Idempotency-Key'], body: init?.body as string | undefined })
      if (init?.method === 'POST') return json(202, { id: 'B1', records: 3 })
      return json(200, finished
        ? { state: 'COMPLETED', errors: [{ index: 1, caseId: 'C2', code: 'ALREADY_RATED', messageZh: '该办件已评价' }] }
        : { state: 'IN_PROGRESS', errors: [] })
    }
    list = await syncOnce(store, { Authorization: 'Bearer t' }, server, () => 0)
    expect(list.map((r) => r.state)).toEqual(['sent', 'sent', 'sent'])
    expect(JSON.parse(seen[0].body ?? '{}').records[0]).toMatchObject({ caseId: 'C1', channel: 'PAD',
      applicantConfirmation: 'RTtoken', windowId: '330110-ZX-W01' })
    finished = true
    list = await syncOnce(store, {}, server, () => 0)
    expect(list.map((r) => r.state)).toEqual(['accepted', 'rejected', 'accepted'])
    expect(list[1].error).toEqual({ code: 'ALREADY_RATED', message: '该办件已评价' })
    const posts = seen.filter((s) => s.body).length
    await syncOnce(store, {}, server, () => 0)
    expect(seen.filter((s) => s.body).length).toBe(posts) // nothing sent twice
  })

  it('stamps ratings with the platform clock: the offset from a server time, none when it is unreadable', () => {
    expect(serverOffset('2025-04-25T02:00:10Z', Date.parse('2025-04-25T02:00:00Z'))).toBe(10_000)
    expect(serverOffset('not a time', 5)).toBe(0)
  })

  it('a batch still running changes nothing', () => {
    const list = enqueue([], base('C1')).list.map((r) => ({ ...r, state: 'sent' as const, batchId: 'B', batchIndex: 0 }))
    expect(applyBatchStatus(list, 'B', { state: 'IN_PROGRESS', errors: [] })).toEqual(list)
  })
})
