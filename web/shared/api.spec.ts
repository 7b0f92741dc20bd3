import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, setCsrfToken, toApiError, withQuery } from './api'

function respond(status: number, body: unknown, type = 'application/json') {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': type },
  }))
}

async function failure(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call
  } catch (e) {
    return e as ApiError
  }
  throw new Error('the call was expected to fail')
}

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('api client', () => {
  it('sends the CSRF token and a fresh Idempotency-Key on writes, neither on reads', async () => {
    const fetchMock = respond(200, { ok: true })
    vi.stubGlobal('fetch', fetchMock)
    setCsrfToken('csrf-1')
    await api.post('/v1/cases', { a: 1 })
    await api.post('/v1/cases', { a: 1 })
    await api.get('/v1/cases', { status: 'ACCEPTED', cursor: undefined })
    const [first, second, read] = fetchMock.mock.calls as unknown as [string, RequestInit][]
    const h1 = first[1].headers as Record<string, string>
    const h2 = second[1].headers as Record<string, string>
    expect(h1['X-CSRF-Token']).toBe('csrf-1')
    expect(h1['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(h2['Idempotency-Key']).not.toBe(h1['Idempotency-Key'])
    expect(first[1].credentials).toBe('same-origin')
    expect(read[0]).toBe('/v1/cases?status=ACCEPTED')
    expect((read[1].headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined()
  })

  it('keeps a caller-chosen key for a retried action and none when told so', async () => {
    const fetchMock = respond(201, {})
    vi.stubGlobal('fetch', fetchMock)
    await api.post('/v1/cases', {}, { idempotencyKey: 'k-1' })
    await api.post('/v1/sessions', {}, { idempotencyKey: null })
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][]
    expect((calls[0][1].headers as Record<string, string>)['Idempotency-Key']).toBe('k-1')
    expect((calls[1][1].headers as Record<string, string>)['Idempotency-Key']).toBeUndefined()
  })

  it('turns a problem+json answer into an ApiError with code, both messages and fields', async () => {
    vi.stubGlobal('fetch', respond(400, {
      status: 400, code: 'VALIDATION_FAILED', messageZh: '请求参数有误', messageEn: 'invalid request',
      errors: [{ field: 'applicant.idNumber', code: 'INVALID_CHECKSUM', messageZh: '校验位错误', messageEn: 'bad checksum' }],
    }, 'application/problem+json'))
    const error = await failure(api.post('/v1/cases', {}))
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(400)
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.describe('zh-CN')).toBe('请求参数有误（VALIDATION_FAILED）')
    expect(error.describe('en')).toBe('invalid request（VALIDATION_FAILED）')
    expect(error.fieldErrors[0]).toEqual({ field: 'applicant.idNumber', code: 'INVALID_CHECKSUM', message: '校验位错误', messageEn: 'bad checksum' })
  })

  it('reports a network failure as NETWORK_UNAVAILABLE, not as a crash', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch') }))
    const error = await failure(api.get('/v1/items'))
    expect(error.code).toBe('NETWORK_UNAVAILABLE')
    expect(error.status).toBe(0)
  })

  it('gives a status-derived code when the body is not a problem', () => {
    expect(toApiError(502, null).code).toBe('HTTP_502')
    expect(withQuery('/v1/x?a=1', { b: 2 })).toBe('/v1/x?a=1&b=2')
  })
})
