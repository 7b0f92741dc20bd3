import { describe, expect, it } from 'vitest'
import { book, cancelAppointment, dateLabel, findAppointment, nextDates, validAppointmentId } from './appointments'

function fake(status: number, body: unknown, seen: { url?: string; init?: RequestInit }[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push({ url, init })
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  }) as unknown as typeof fetch
}

describe('appointments (预约) for citizens', () => {
  it('lists the next days in Beijing time, today first', () => {
    // 2026-12-07 20:00 UTC is already 2026-12-08 in Beijing
    expect(nextDates(3, Date.parse('2026-12-07T20:00:00Z'))).toEqual(['2026-12-08', '2026-12-09', '2026-12-10'])
    expect(dateLabel('2026-12-08')).toBe('12月8日星期二')
  })

  it('books with the idempotency key, no cookie, and the ID number upper-cased', async () => {
    const seen: { url?: string; init?: RequestInit }[] = []
    const r = await book({ centerId: 'C', category: 'A', date: '2026-12-08', start: '09:00', name: ' 王五 ',
      idType: 'RESIDENT_ID', idNumber: '11010519491231002x', phone: '13800138000' }, 'key-1',
    fake(201, { id: 'APT-ABCDEFGH', bookingCode: '123456' }, seen))
    expect(r).toEqual({ kind: 'ok', value: { id: 'APT-ABCDEFGH', bookingCode: '123456' } })
    const init = seen[0].init!
    expect(init.credentials).toBe('omit')
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toBe('key-1')
    expect(JSON.parse(init.body as string)).toMatchObject({ idNumber: '11010519491231002X', name: '王五' })
  })

  it('reads the stable codes in plain Chinese', async () => {
    const full = await book({ centerId: 'C', category: 'A', date: 'd', start: 's', name: 'n', idType: 'RESIDENT_ID',
      idNumber: 'x', phone: 'p' }, 'k', fake(409, { code: 'SLOT_FULL', messageZh: '该时段已约满' }))
    expect(full).toEqual({ kind: 'error', code: 'SLOT_FULL', message: '这个时段刚刚约满了，请换一个时段' })
    const wrong = await findAppointment('apt-abcdefgh', '000000', fake(404, { code: 'APPOINTMENT_NOT_FOUND' }))
    expect(wrong).toMatchObject({ kind: 'error', message: '预约号或预约码不正确' })
    const field = await book({ centerId: 'C', category: 'A', date: 'd', start: 's', name: 'n', idType: 'RESIDENT_ID',
      idNumber: 'x', phone: 'p' }, 'k', fake(422, { code: 'VALIDATION_FAILED',
      errors: [{ field: 'idNumber', code: 'INVALID_ID_NUMBER', messageZh: '证件号码无效' }] }))
    expect(field).toEqual({ kind: 'error', code: 'VALIDATION_FAILED', message: '证件号码无效', field: 'idNumber' })
  })

  it('sends the booking code in its header to cancel', async () => {
    const seen: { url?: string; init?: RequestInit }[] = []
    await cancelAppointment('APT-ABCDEFGH', '654321', 'k2', fake(200, { status: 'CANCELLED' }, seen))
    expect(seen[0].url).toBe('/v1/appointments/APT-ABCDEFGH')
    expect(seen[0].init!.method).toBe('DELETE')
    expect((seen[0].init!.headers as Record<string, string>)['X-Booking-Code']).toBe('654321')
    expect(validAppointmentId('apt-abcdefgh')).toBe(true)
    expect(validAppointmentId('APT-123')).toBe(false)
  })
})
