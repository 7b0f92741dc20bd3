/**
 * The one HTTP client of the web apps: same-origin `/v1` calls with the session cookie, the anti-CSRF header on
 * writes, an Idempotency-Key on every POST/PUT/PATCH/DELETE, and RFC 9457 problems turned into {@link ApiError}.
 */

export interface FieldProblem {
  field: string
  code?: string
  message?: string
  messageEn?: string
}

/** A refused or failed call: the problem's stable code and its Chinese and English messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly fieldErrors: FieldProblem[] = [],
  ) {
    super(`${code}: ${messageEn || messageZh}`)
  }

  /** The message in the user's language, with the code (staff quote it when they call support). */
  describe(locale: string): string {
    const text = locale.startsWith('zh') ? this.messageZh || this.messageEn : this.messageEn || this.messageZh
    return `${text}（${this.code}）`
  }
}

let csrfToken: string | null = null
let onUnauthorized: (() => void) | null = null

export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called when a call answers 401 (session expired or signed out elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler
}

export type Query = Record<string, string | number | boolean | undefined | null>

export interface CallOptions {
  body?: unknown
  query?: Query
  /** Reuse the same key when the user retries the same action; a fresh one otherwise; null sends none (sign-in). */
  idempotencyKey?: string | null
  headers?: Record<string, string>
  signal?: AbortSignal
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.append(k, String(v))
  }
  const s = params.toString()
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path
}

export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers }
  const upper = method.toUpperCase()
  if (UNSAFE.has(upper)) {
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken
    if (options.idempotencyKey !== null) headers['Idempotency-Key'] = options.idempotencyKey ?? newIdempotencyKey()
  }
  let body: BodyInit | undefined
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  let response: Response
  try {
    response = await fetch(withQuery(path, options.query), {
      method: upper,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e
    throw new ApiError(0, 'NETWORK_UNAVAILABLE', '网络不可用，请检查网络后重试', 'the network is unavailable; try again')
  }
  if (response.status === 204) return undefined as T
  const type = response.headers.get('Content-Type') ?? ''
  const payload = type.includes('json') ? await response.json().catch(() => null) : null
  if (!response.ok) {
    if (response.status === 401 && onUnauthorized && !path.startsWith('/v1/sessions')) onUnauthorized()
    throw toApiError(response.status, payload)
  }
  return payload as T
}

export function toApiError(status: number, payload: unknown): ApiError {
  const p = (payload ?? {}) as Record<string, unknown>
  const code = typeof p.code === 'string' ? p.code : `HTTP_${status}`
  const zh = typeof p.messageZh === 'string' ? p.messageZh : typeof p.title === 'string' ? p.title : ''
  const en = typeof p.messageEn === 'string' ? p.messageEn : typeof p.detail === 'string' ? p.detail : ''
  const rawErrors = Array.isArray(p.errors) ? p.errors : []
  const errors = (rawErrors as Record<string, unknown>[]).map((e) => ({
    field: String(e.field ?? ''),
    code: e.code as string | undefined,
    message: e.messageZh as string | undefined,
    messageEn: e.messageEn as string | undefined,
  }))
  return new ApiError(status, code, zh || `请求失败（${status}）`, en || `request failed (${status})`, errors)
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => call<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: CallOptions = {}) => call<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options: CallOptions = {}) => call<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options: CallOptions = {}) => call<T>('PATCH', path, { ...options, body }),
  del: <T>(path: string, options: CallOptions = {}) => call<T>('DELETE', path, options),
}
