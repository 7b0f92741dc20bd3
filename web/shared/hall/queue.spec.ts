import { describe, expect, it, vi } from 'vitest'
import { OFFLINE_AFTER, initialPollState, newCalls, pickVoice, pollOnce, type PollState, type QueueBoard, type QueueCall }
  from './queue'

const call = (number: string, window: number, calledAt: string, calls = 1, status = 'CALLED'): QueueCall => ({
  ticketId: `330110-ZX~20261206~${number}`, number, window, windowId: `330110-ZX-W0${window}`, status, calledAt,
  calls, announcement: `请 ${number} 号到 ${window} 号窗口办理`,
})
const board = (current: QueueCall[], recent: QueueCall[] = current): QueueBoard => ({
  centerId: '330110-ZX', date: '2026-12-06', current, recent,
  categories: [{ prefix: 'A', name: '综合业务', waiting: 2, estimatedWaitMinutes: 10 }],
})

describe('which calls are new', () => {
  it('announces nothing on the first board after start-up', () => {
    expect(newCalls(null, board([call('A001', 1, '2026-12-06T01:00:00Z')]))).toEqual([])
  })
  it('announces a new call once, and not again on the next identical board', () => {
    const b1 = board([call('A001', 1, '2026-12-06T01:00:00Z')])
    const b2 = board([call('A001', 1, '2026-12-06T01:00:00Z'), call('B001', 3, '2026-12-06T01:01:00Z')])
    expect(newCalls(b1, b2).map((c) => c.announcement)).toEqual(['请 B001 号到 3 号窗口办理'])
    expect(newCalls(b2, b2)).toEqual([])
  })
  it('announces a recall of the same ticket again', () => {
    const b1 = board([call('A001', 1, '2026-12-06T01:00:00Z')])
    const b2 = board([call('A001', 1, '2026-12-06T01:02:00Z', 2)])
    expect(newCalls(b1, b2).map((c) => c.number)).toEqual(['A001'])
  })
  it('announces several new calls oldest first and skips calls already being served', () => {
    const b1 = board([])
    const b2 = board([call('C002', 4, '2026-12-06T01:05:00Z'), call('A003', 2, '2026-12-06T01:04:00Z'),
      call('A002', 5, '2026-12-06T01:03:00Z', 1, 'SERVING')])
    expect(newCalls(b1, b2).map((c) => c.number)).toEqual(['A003', 'C002'])
  })
})

describe('ETag polling', () => {
  const json = (b: QueueBoard, etag: string) => new Response(JSON.stringify(b), { status: 200,
    headers: { 'Content-Type': 'application/json', ETag: etag } })

  it('sends If-None-Match after the first answer; 304 keeps the board', async () => {
    const b1 = board([call('A001', 1, '2026-12-06T01:00:00Z')])
    const fetchMock = vi.fn()
      .mockResolvedValueOnce(json(b1, '"e1"'))
      .mockResolvedValueOnce(new Response(null, { status: 304, headers: { ETag: '"e1"' } }))
    const first = await pollOnce(initialPollState(), '/v1/centers/330110-ZX/queue', { Authorization: 'Bearer t' },
      fetchMock as unknown as typeof fetch)
    expect(first.changed).toEqual(b1)
    expect(first.state.etag).toBe('"e1"')
    const firstHeaders = (fetchMock.mock.calls[0][1] as RequestInit).headers as Record<string, string>
    expect(firstHeaders['If-None-Match']).toBeUndefined()
    expect(firstHeaders.Authorization).toBe('Bearer t')

    const second = await pollOnce(first.state, '/v1/centers/330110-ZX/queue', {}, fetchMock as unknown as typeof fetch)
    expect(((fetchMock.mock.calls[1][1] as RequestInit).headers as Record<string, string>)['If-None-Match']).toBe('"e1"')
    expect(second.changed).toBeNull()
    expect(second.state.board).toEqual(b1)
    expect(second.announce).toEqual([])
  })

  it('a changed board announces its new call', async () => {
    const b1 = board([call('A001', 1, '2026-12-06T01:00:00Z')])
    const b2 = board([call('A001', 1, '2026-12-06T01:00:00Z'), call('A002', 2, '2026-12-06T01:01:00Z')])
    const state = { ...initialPollState(), etag: '"e1"', board: b1 }
    const out = await pollOnce(state, '/q', {}, (async () => json(b2, '"e2"')) as typeof fetch)
    expect(out.state.etag).toBe('"e2"')
    expect(out.announce.map((c) => c.number)).toEqual(['A002'])
  })

  it(`shows 连接中断 after ${OFFLINE_AFTER} failures in a row, keeps the last board, and recovers`, async () => {
    const b1 = board([call('A001', 1, '2026-12-06T01:00:00Z')])
    let state: PollState = { ...initialPollState(), etag: '"e1"', board: b1 }
    const down = (async () => { throw new TypeError('network') }) as typeof fetch
    for (let i = 1; i < OFFLINE_AFTER; i++) {
      state = (await pollOnce(state, '/q', {}, down)).state
      expect(state.offline).toBe(false)
    }
    state = (await pollOnce(state, '/q', {}, (async () => new Response('', { status: 502 })) as typeof fetch)).state
    expect(state.offline).toBe(true)
    expect(state.board).toEqual(b1)
    state = (await pollOnce(state, '/q', {}, (async () => new Response(null, { status: 304 })) as typeof fetch)).state
    expect(state.offline).toBe(false)
    expect(state.failures).toBe(0)
  })

  it('stops on a refused credential', async () => {
    const out = await pollOnce(initialPollState(), '/q', {}, (async () => new Response('{}', { status: 401 })) as typeof fetch)
    expect(out.state.unauthorized).toBe(true)
  })
})

describe('voice', () => {
  it('prefers a zh-CN voice, then any Chinese one', () => {
    expect(pickVoice([{ lang: 'en-US' }, { lang: 'zh-TW' }, { lang: 'zh-CN' }])).toEqual({ lang: 'zh-CN' })
    expect(pickVoice([{ lang: 'en-US' }, { lang: 'zh_HK' }])).toEqual({ lang: 'zh_HK' })
    expect(pickVoice([{ lang: 'en-US' }])).toBeNull()
  })
})
