import { describe, expect, it } from 'vitest'
import { BACKOFF_MAX_MS, MemoryStore, Outbox, backoffMs, classify, type OutboxEntry } from './outbox'

function fail(status: number, code: string, messageZh = '失败') {
  return Object.assign(new Error(code), { status, code, messageZh, messageEn: 'failed' })
}

function setup(start = 1_000_000) {
  const clock = { t: start }
  const store = new MemoryStore()
  const outbox = new Outbox(store, () => clock.t, () => 0.5)
  return { clock, store, outbox }
}

async function addThree(outbox: Outbox, clock: { t: number }) {
  for (const n of ['一', '二', '三']) {
    await outbox.add({ kind: 'intake', path: '/v1/cases', body: { n }, label: n, key: `key-${n}` })
    clock.t += 10
  }
}

describe('outbox', () => {
  it('sends waiting entries oldest first, each with the key it was made with', async () => {
    const { clock, outbox } = setup()
    await addThree(outbox, clock)
    const seen: string[] = []
    const report = await outbox.sync(async (e) => {
      seen.push(`${e.key}:${(e.body as { n: string }).n}`)
      return `case-${e.label}`
    })
    expect(seen).toEqual(['key-一:一', 'key-二:二', 'key-三:三'])
    expect(report.sent).toBe(3)
    const list = await outbox.list()
    expect(list.map((e) => e.state)).toEqual(['SENT', 'SENT', 'SENT'])
    expect(list.map((e) => e.resultId)).toEqual(['case-一', 'case-二', 'case-三'])
    // a second pass sends nothing again
    await outbox.sync(async () => {
      throw new Error('must not be sent twice')
    })
  })

  it('keeps the order when entries are made within the same millisecond', async () => {
    const { outbox } = setup()
    for (const k of ['a', 'b', 'c', 'd']) await outbox.add({ kind: 'intake', path: '/v1/cases', body: {}, label: k, key: k })
    expect((await outbox.list()).map((e) => e.key)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('takes a 4xx problem as rejected with its message, does not retry it, and goes on with the next', async () => {
    const { clock, outbox } = setup()
    await addThree(outbox, clock)
    const calls: string[] = []
    const report = await outbox.sync(async (e) => {
      calls.push(e.key)
      if (e.key === 'key-二') throw fail(422, 'VALIDATION_FAILED', '委托时间应在一年内且不晚于当前时间')
      return 'c'
    })
    expect(report).toMatchObject({ sent: 2, rejected: 1, stopped: false })
    const rejected = (await outbox.list())[1]
    expect(rejected.state).toBe('REJECTED')
    expect(rejected.error).toMatchObject({ status: 422, code: 'VALIDATION_FAILED', messageZh: '委托时间应在一年内且不晚于当前时间' })
    clock.t += 24 * 3600_000
    await outbox.sync(async (e) => {
      calls.push(e.key)
      return 'c'
    })
    expect(calls).toEqual(['key-一', 'key-二', 'key-三'])
  })

  it('retries a network failure, a 5xx and 409 IDEMPOTENCY_IN_PROGRESS later with the same key; newer entries wait their turn', async () => {
    const { clock, outbox } = setup()
    await addThree(outbox, clock)
    const keys: string[] = []
    const failures = [fail(0, 'NETWORK_UNAVAILABLE'), fail(503, 'SERVICE_UNAVAILABLE'), fail(409, 'IDEMPOTENCY_IN_PROGRESS')]
    for (const f of failures) {
      const r = await outbox.sync(async (e) => {
        keys.push(e.key)
        throw f
      })
      expect(r.stopped).toBe(true)
      expect(r.sent + r.rejected).toBe(0)
      const head = (await outbox.list())[0]
      expect(head.state).toBe('PENDING')
      expect(r.nextDueAt).toBe(head.nextAttemptAt)
      // before its time nothing is sent, not even the newer entries
      const early = await outbox.sync(async () => {
        throw new Error('too early')
      })
      expect(early.stopped).toBe(true)
      clock.t = head.nextAttemptAt
    }
    expect(keys).toEqual(['key-一', 'key-一', 'key-一'])
    const r = await outbox.sync(async (e) => {
      keys.push(e.key)
      return 'ok'
    })
    expect(r.sent).toBe(3)
    expect(keys.slice(3)).toEqual(['key-一', 'key-二', 'key-三'])
    expect((await outbox.list())[0].attempts).toBe(4)
  })

  it('holds the queue without rejecting when the session expired or the page token is stale', async () => {
    const { clock, outbox } = setup()
    await addThree(outbox, clock)
    for (const f of [fail(401, 'UNAUTHENTICATED'), fail(403, 'CSRF_TOKEN_INVALID')]) {
      const r = await outbox.sync(async () => {
        throw f
      })
      expect(r).toMatchObject({ held: true, stopped: true, rejected: 0 })
      expect((await outbox.list()).every((e) => e.state === 'PENDING')).toBe(true)
    }
  })

  it('lets the agent retry a rejected entry (same key) or discard it', async () => {
    const { clock, outbox } = setup()
    await addThree(outbox, clock)
    await outbox.sync(async (e) => {
      if (e.key !== 'key-三') throw fail(400, 'BAD')
      return 'x'
    })
    await outbox.discard('key-一')
    await outbox.retry('key-二')
    const keys: string[] = []
    await outbox.sync(async (e) => {
      keys.push(e.key)
      return 'y'
    })
    expect(keys).toEqual(['key-二'])
    const list = await outbox.list()
    expect(list.map((e) => [e.key, e.state])).toEqual([['key-二', 'SENT'], ['key-三', 'SENT']])
  })

  it('never runs two passes at once (a second call joins the running one)', async () => {
    const { clock, outbox } = setup()
    await addThree(outbox, clock)
    let n = 0
    const send = async (_e: OutboxEntry) => {
      n++
      await new Promise((r) => setTimeout(r, 5))
      return 'z'
    }
    await Promise.all([outbox.sync(send), outbox.sync(send)])
    expect(n).toBe(3)
  })

  it('keeps everything in the store: a new outbox over the same store (a reload) sees the same entries and keys', async () => {
    const { clock, store, outbox } = setup()
    await addThree(outbox, clock)
    await outbox.sync(async (e) => {
      if (e.key === 'key-一') return 'sent'
      throw fail(0, 'NETWORK_UNAVAILABLE')
    })
    const reopened = new Outbox(store, () => clock.t + BACKOFF_MAX_MS, () => 0)
    const list = await reopened.list()
    expect(list.map((e) => [e.key, e.state])).toEqual([['key-一', 'SENT'], ['key-二', 'PENDING'], ['key-三', 'PENDING']])
    const keys: string[] = []
    await reopened.sync(async (e) => {
      keys.push(e.key)
      return 'ok'
    })
    expect(keys).toEqual(['key-二', 'key-三'])
  })
})

describe('backoff', () => {
  it('doubles from 2 s and never exceeds 5 minutes nor falls below 1 s', () => {
    expect(backoffMs(1, () => 0)).toBe(2_000)
    expect(backoffMs(2, () => 0)).toBe(4_000)
    expect(backoffMs(3, () => 0)).toBe(8_000)
    for (let a = 0; a < 60; a++) {
      for (const r of [0, 0.5, 0.999]) {
        const ms = backoffMs(a, () => r)
        expect(ms).toBeGreaterThanOrEqual(1_000)
        expect(ms).toBeLessThanOrEqual(BACKOFF_MAX_MS)
      }
    }
    expect(backoffMs(50, () => 0)).toBe(BACKOFF_MAX_MS)
    expect(backoffMs(50, () => 0.999)).toBeGreaterThanOrEqual(BACKOFF_MAX_MS * 0.8)
  })
})

describe('classify', () => {
  it('reads problems the way the outbox acts on them', () => {
    const k = (status: number, code = 'X') => classify({ status, code, messageZh: '', messageEn: '' }).kind
    expect(k(0, 'NETWORK_UNAVAILABLE')).toBe('retry')
    expect(k(500)).toBe('retry')
    expect(k(502, 'API_UNREACHABLE')).toBe('retry')
    expect(k(503)).toBe('retry')
    expect(k(429)).toBe('retry')
    expect(k(409, 'IDEMPOTENCY_IN_PROGRESS')).toBe('retry')
    expect(k(409, 'CONCURRENT_UPDATE')).toBe('rejected')
    expect(k(422, 'IDEMPOTENCY_KEY_REUSED')).toBe('rejected')
    expect(k(400, 'VALIDATION_FAILED')).toBe('rejected')
    expect(k(403, 'OUT_OF_CITY')).toBe('rejected')
    expect(k(404)).toBe('rejected')
    expect(k(401)).toBe('hold')
    expect(k(403, 'CSRF_TOKEN_INVALID')).toBe('hold')
  })
})

describe('wake', () => {
  it('makes network failures due at once when the link is back, but leaves a busy server to its backoff', async () => {
    const { clock, outbox } = setup()
    await outbox.add({ kind: 'intake', path: '/v1/cases', body: {}, label: 'a', key: 'a' })
    await outbox.sync(async () => {
      throw fail(0, 'NETWORK_UNAVAILABLE')
    })
    await outbox.wake()
    expect((await outbox.list())[0].nextAttemptAt).toBe(0)
    await outbox.sync(async () => {
      throw fail(503, 'BUSY')
    })
    await outbox.wake()
    expect((await outbox.list())[0].nextAttemptAt).toBeGreaterThan(clock.t)
  })
})
