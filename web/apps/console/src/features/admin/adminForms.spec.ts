import { describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api'
import { fieldErrorMap, move, passwordAcceptable } from './adminForms'
import { toBody, editable, type ItemDto } from './items'

describe('sign-in password policy', () => {
  it('needs 10 characters and 3 of lower, upper, digit, symbol', () => {
    expect(passwordAcceptable('Window-2026')).toBe(true)
    expect(passwordAcceptable('window2026x')).toBe(false) // two classes
    expect(passwordAcceptable('Win-2026')).toBe(false) // too short
    expect(passwordAcceptable('windowpass-2026')).toBe(true) // lower, symbol, digit
  })
})

describe('field errors at the field', () => {
  it('keys the problem errors by path, in the user language, and reports paths no form item shows', () => {
    const e = new ApiError(422, 'VALIDATION_FAILED', '请求内容有误', 'invalid', [
      { field: 'materials[2].copies', code: 'REQUIRED', message: '必填', messageEn: 'is required' },
      { field: 'promisedDays', code: 'PROMISE_EXCEEDS_LEGAL', message: '承诺时限不得超过法定时限', messageEn: 'promised > legal' },
      { field: 'escalateTo.code', code: 'REQUIRED', message: '必填', messageEn: 'is required' },
    ])
    const m = fieldErrorMap(e, 'zh-CN', (p) => p !== 'escalateTo.code')
    expect(m.byField['materials[2].copies']).toBe('必填')
    expect(m.byField.promisedDays).toBe('承诺时限不得超过法定时限')
    expect(m.rest).toEqual(['escalateTo.code: 必填'])
    expect(fieldErrorMap(e, 'en').byField.promisedDays).toBe('promised > legal')
  })
})

describe('item editing', () => {
  it('reorders materials and sends a CHANGED version without the read-only fields', () => {
    expect(move(['M01', 'M02', 'M03'], 2, -1)).toEqual(['M01', 'M03', 'M02'])
    expect(move(['M01', 'M02'], 0, -1)).toEqual(['M01', 'M02'])
    const item = editable({
      code: '330100-XK-0007', version: 3, versionedAt: '2026-12-01T00:00:00Z', name: '固定资产投资项目审批',
      departmentCode: 'fgw', type: 'ADMINISTRATIVE_LICENSE', mode: 'JOINT', legalDays: 45, promisedDays: 20,
      changeType: 'ADDED',
    } as unknown as ItemDto)
    const body = toBody(item)
    expect(body).not.toHaveProperty('version')
    expect(body).not.toHaveProperty('versionedAt')
    expect(body.changeType).toBe('CHANGED')
    expect(body.materials).toEqual([])
  })
})
