import { describe, expect, it, vi } from 'vitest'
import { NOT_FOUND_TEXT, formatDate, stepText, queryProgress, rateLimitedText, retryAfterMinutes, statusText, validPassword }
  from './progress'

describe('status text', () => {
  it('says each status in plain Chinese', () => {
    expect(statusText('ACCEPTED')).toBe('已受理，正在办理')
    expect(statusText('RESULT_READY')).toBe('已办好，可以领取结果')
    expect(statusText('SUSPENDED')).toBe('暂停计时（等待补正、现场勘查等）')
    expect(statusText('DENIED')).toBe('已办结：不予许可')
  })
  it('names each timeline step as what happened', () => {
    expect(stepText({ at: '', event: 'SUBMITTED', status: 'SUBMITTED' })).toBe('提交申请')
    expect(stepText({ at: '', event: 'ACCEPTED_WITH_DEFICIENCY', status: 'ACCEPTED_WITH_DEFICIENCY' })).toBe('容缺受理')
    expect(stepText({ at: '', event: 'NOTE', status: null })).toBe('办理进展更新')
  })
  it('falls back to 办理中 for a status it does not know', () => {
    expect(statusText('SOMETHING_NEW')).toBe('办理中')
    expect(statusText(null)).toBe('办理中')
  })
})

describe('Retry-After', () => {
  it('rounds seconds up to whole minutes, at least one', () => {
    expect(retryAfterMinutes('1')).toBe(1)
    expect(retryAfterMinutes('60')).toBe(1)
    expect(retryAfterMinutes('61')).toBe(2)
    expect(retryAfterMinutes('1800')).toBe(30)
    expect(retryAfterMinutes(null)).toBe(1)
  })
  it('reads an HTTP date', () => {
    const now = Date.parse('2026-12-06T10:00:00Z')
    expect(retryAfterMinutes('Sun, 06 Dec 2026 10:12:30 GMT', now)).toBe(13)
  })
  it('names the minutes in the message', () => {
    expect(rateLimitedText('2400')).toBe('查询过于频繁，请 40 分钟后再试')
  })
})

describe('query', () => {
  const progress = { caseNumber: 'C1', itemName: '个体工商户登记', status: 'ACCEPTED', applicantName: '张*丰',
    submittedAt: null, acceptedAt: null, dueAt: '2026-12-10T08:00:00Z', closedAt: null, steps: [] }

  it('sends the password in X-Query-Password, never in the URL', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(progress), { status: 200,
      headers: { 'Content-Type': 'application/json' } }))
    const r = await queryProgress(' 330110-2026-000123 ', '123456', fetchMock as unknown as typeof fetch)
    expect(r).toEqual({ kind: 'ok', progress })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/v1/progress/330110-2026-000123')
    expect(url).not.toContain('123456')
    expect((init.headers as Record<string, string>)['X-Query-Password']).toBe('123456')
    expect(init.credentials).toBe('omit')
  })
  it('says the same thing for an unknown case and a wrong password', async () => {
    const r = await queryProgress('X', '000000', (async () => new Response('{}', { status: 404 })) as typeof fetch)
    expect(r).toEqual({ kind: 'error', message: NOT_FOUND_TEXT })
  })
  it('turns 429 into the minutes to wait', async () => {
    const r = await queryProgress('X', '000000', (async () => new Response('{}', { status: 429,
      headers: { 'Retry-After': '1500' } })) as typeof fetch)
    expect(r).toEqual({ kind: 'error', message: '查询过于频繁，请 25 分钟后再试' })
  })
})

describe('input and dates', () => {
  it('accepts exactly six digits', () => {
    expect(validPassword('123456')).toBe(true)
    expect(validPassword('12345')).toBe(false)
    expect(validPassword('12345a')).toBe(false)
  })
  it('shows dates in Beijing time', () => {
    expect(formatDate('2026-12-06T17:00:00Z')).toBe('2026年12月7日')
  })
})
