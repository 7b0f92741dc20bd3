/**
 * The citizen's appointments (预约, `/v1/centers/{center}/appointment-slots`, `/v1/appointments…` with
 * `X-Booking-Code`): no account, no cookie; the booking code shown once is the credential. Nothing is stored in the
 * browser. Every write sends an Idempotency-Key the caller keeps for retries of the same action.
 */

export interface SlotView {
  start: string
  end: string
  capacity: number
  remaining: number
}

export interface AppointmentView {
  id: string
  centerId: string
  category: string
  date: string
  start: string
  end: string
  status: 'BOOKED' | 'CHECKED_IN' | 'CANCELLED' | 'NO_SHOW' | string
  maskedName: string | null
  maskedPhone: string | null
  checkInFrom: string | null
  checkInUntil: string | null
  ticketNumber: string | null
  bookingCode: string | null
}

export interface BookingForm {
  centerId: string
  category: string
  date: string
  start: string
  name: string
  idType: string
  idNumber: string
  phone: string
}

export type Result<T> = { kind: 'ok'; value: T } | { kind: 'error'; message: string; code?: string; field?: string }

export const STATUS_TEXT: Record<string, string> = {
  BOOKED: '已预约',
  CHECKED_IN: '已签到',
  CANCELLED: '已取消',
  NO_SHOW: '已爽约',
}

/** What a citizen reads for the API's stable codes. */
export const CODE_TEXT: Record<string, string> = {
  SLOT_FULL: '这个时段刚刚约满了，请换一个时段',
  ALREADY_BOOKED: '您已有这类业务的预约，请先取消或改约原来的预约',
  BOOKING_BLOCKED: '近期爽约次数较多，暂时不能预约',
  APPOINTMENT_NOT_FOUND: '预约号或预约码不正确',
  APPOINTMENT_NOT_BOOKED: '该预约已签到、取消或爽约，不能再修改',
  CHECK_IN_CLOSED: '现在不在签到时间内',
}

/** The next `days` dates (YYYY-MM-DD, Beijing time) from `from` on, today first. */
export function nextDates(days: number, from: number = Date.now()): string[] {
  const out: string[] = []
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
  for (let i = 0; i < days; i++) out.push(fmt.format(new Date(from + i * 86_400_000)))
  return out
}

/** 12月8日 星期二 */
export function dateLabel(date: string): string {
  const d = new Date(`${date}T12:00:00+08:00`)
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', weekday: 'long' })
    .format(d)
}

export function validPhone(phone: string): boolean {
  return /^1\d{10}$/.test(phone.trim())
}

export function validCode(code: string): boolean {
  return /^\d{6}$/.test(code)
}

export function validAppointmentId(id: string): boolean {
  return /^APT-[A-Z0-9]{8}$/.test(id.trim().toUpperCase())
}

export function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`
}

async function call<T>(method: string, path: string, opts: { body?: unknown; code?: string; key?: string },
                       fetchImpl: typeof fetch): Promise<Result<T>> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  if (opts.code) headers['X-Booking-Code'] = opts.code
  if (opts.key) headers['Idempotency-Key'] = opts.key
  let response: Response
  try {
    response = await fetchImpl(path, {
      method, headers, credentials: 'omit', cache: 'no-store',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    })
  } catch {
    return { kind: 'error', message: '网络不可用，请检查网络后重试' }
  }
  if (response.ok) return { kind: 'ok', value: (await response.json()) as T }
  if (response.status === 429) return { kind: 'error', message: '操作过于频繁，请稍后再试', code: 'RATE_LIMITED' }
  let problem: { code?: string; title?: string; detail?: string; messageZh?: string; errors?: { field: string; messageZh?: string }[] } = {}
  try {
    problem = await response.json()
  } catch {
    // not problem+json
  }
  const code = problem.code
  const fieldError = problem.errors?.[0]
  if (fieldError) {
    return { kind: 'error', message: fieldError.messageZh ?? '请检查填写的内容', code, field: fieldError.field }
  }
  const text = (code && CODE_TEXT[code]) || problem.messageZh || '系统繁忙，请稍后再试'
  return { kind: 'error', message: text, code }
}

export function loadSlots(centerId: string, category: string, date: string,
                          fetchImpl: typeof fetch = fetch): Promise<Result<{ slots: SlotView[] }>> {
  return call('GET', `/v1/centers/${encodeURIComponent(centerId)}/appointment-slots?category=${encodeURIComponent(category)}`
    + `&date=${encodeURIComponent(date)}`, {}, fetchImpl)
}

export function book(form: BookingForm, key: string, fetchImpl: typeof fetch = fetch): Promise<Result<AppointmentView>> {
  return call('POST', '/v1/appointments', { body: { ...form, idNumber: form.idNumber.trim().toUpperCase(),
    phone: form.phone.trim(), name: form.name.trim() }, key }, fetchImpl)
}

export function findAppointment(id: string, code: string, fetchImpl: typeof fetch = fetch): Promise<Result<AppointmentView>> {
  return call('GET', `/v1/appointments/${encodeURIComponent(id.trim().toUpperCase())}`, { code }, fetchImpl)
}

export function cancelAppointment(id: string, code: string, key: string,
                                  fetchImpl: typeof fetch = fetch): Promise<Result<AppointmentView>> {
  return call('DELETE', `/v1/appointments/${encodeURIComponent(id)}`, { code, key }, fetchImpl)
}

export function rescheduleAppointment(id: string, code: string, date: string, start: string, key: string,
                                      fetchImpl: typeof fetch = fetch): Promise<Result<AppointmentView>> {
  return call('PATCH', `/v1/appointments/${encodeURIComponent(id)}`, { body: { date, start }, code, key }, fetchImpl)
}

export function checkIn(id: string, code: string, key: string, fetchImpl: typeof fetch = fetch):
  Promise<Result<{ appointment: AppointmentView; ticket: { number: string; id: string } }>> {
  return call('POST', `/v1/appointments/${encodeURIComponent(id.trim().toUpperCase())}/check-in`, { code, key }, fetchImpl)
}
