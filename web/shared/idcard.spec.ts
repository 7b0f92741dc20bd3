import { describe, expect, it } from 'vitest'
import { maskName, residentIdCheckCharacter, residentIdProblem, validCreditCode, validPhone } from './idcard'

const TODAY = new Date(2026, 11, 6)

describe('resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('accepts the standard example and a number whose check character is X', () => {
    expect(residentIdProblem('11010519491231002X', TODAY)).toBeNull()
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X')
    expect(residentIdProblem('11010519491231002x', TODAY)).toBeNull()
    // the number the platform's own API tests use: 33010619900101123 + its check character (X as well)
    expect(residentIdProblem('33010619900101123X', TODAY)).toBeNull()
    // a digit check character
    expect(residentIdCheckCharacter('33010619850315002')).toBe('4')
    expect(residentIdProblem('330106198503150024', TODAY)).toBeNull()
  })

  it('refuses a wrong check digit', () => {
    expect(residentIdProblem('110105194912310021', TODAY)).toBe('CHECK_DIGIT')
    expect(residentIdProblem('330106198503150025', TODAY)).toBe('CHECK_DIGIT')
    expect(residentIdProblem('330106198503150020', TODAY)).toBe('CHECK_DIGIT')
  })

  it('refuses a wrong length', () => {
    expect(residentIdProblem('33010619850315002', TODAY)).toBe('LENGTH')
    expect(residentIdProblem('3301061985031500240', TODAY)).toBe('LENGTH')
    expect(residentIdProblem('', TODAY)).toBe('LENGTH')
  })

  it('refuses letters where digits belong', () => {
    expect(residentIdProblem('3301061985031500X4', TODAY)).toBe('FORMAT')
  })

  it('refuses a birth date that does not exist, is before 1900 or after today', () => {
    const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17)
    expect(residentIdProblem(withCheck('33010619900230123'), TODAY)).toBe('BIRTH_DATE') // 30 February
    expect(residentIdProblem(withCheck('33010619901301123'), TODAY)).toBe('BIRTH_DATE') // month 13
    expect(residentIdProblem(withCheck('33010618991231123'), TODAY)).toBe('BIRTH_DATE')
    expect(residentIdProblem(withCheck('33010620261207123'), TODAY)).toBe('BIRTH_DATE') // tomorrow
    expect(residentIdProblem(withCheck('33010620000229123'), TODAY)).toBeNull() // a leap day
  })
})

describe('other numbers', () => {
  it('checks credit codes and phones like the platform', () => {
    expect(validCreditCode('91330110MA2B3C4D5E')).toBe(true)
    expect(validCreditCode('91330110MA2B3C4D5')).toBe(false)
    expect(validPhone('13812345678')).toBe(true)
    expect(validPhone('0571-88888888')).toBe(true)
    expect(validPhone('12812345678')).toBe(false)
  })

  it('masks names as notices print them', () => {
    expect(maskName('张三丰')).toBe('张*丰')
    expect(maskName('李四')).toBe('李*')
    expect(maskName('王')).toBe('*')
    expect(maskName('杭州某某科技有限公司')).toBe('杭********司')
  })
})
