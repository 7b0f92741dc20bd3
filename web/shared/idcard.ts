/**
 * Checks of identity and contact numbers at the window, the same rules the platform applies (IdentityNumbers.java):
 * the server decides; these only let the clerk fix a typo before submitting.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** Why a resident ID number (居民身份证号码) is refused, or null when it is valid. */
export type ResidentIdProblem = 'LENGTH' | 'FORMAT' | 'BIRTH_DATE' | 'CHECK_DIGIT'

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]
  return CHECK[sum % 11]
}

/**
 * GB 11643-1999: 18 characters (17 digits and a digit or X), a real birth date (YYYYMMDD at positions 7–14, from
 * 1900 and not after today) and the MOD 11-2 check character. A lower-case x is taken as X.
 */
export function residentIdProblem(raw: string, today: Date = new Date()): ResidentIdProblem | null {
  const id = raw.trim().toUpperCase()
  if (id.length !== 18) return 'LENGTH'
  if (!/^\d{17}[\dX]$/.test(id)) return 'FORMAT'
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const birth = new Date(Date.UTC(y, m - 1, d))
  const real = birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())
  if (!real || y < 1900 || birth.getTime() > todayUtc) return 'BIRTH_DATE'
  if (residentIdCheckCharacter(id) !== id[17]) return 'CHECK_DIGIT'
  return null
}

/** 统一社会信用代码 (GB 32100-2015) shape, as the platform checks it. */
export function validCreditCode(raw: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(raw.trim().toUpperCase())
}

/** Passports, permits and other documents: 5–20 letters or digits. */
export function validOtherDocument(raw: string): boolean {
  return /^[A-Za-z0-9]{5,20}$/.test(raw.trim())
}

/** An 11-digit mobile number or a landline with its area code. */
export function validPhone(raw: string): boolean {
  const p = raw.trim()
  return /^1[3-9]\d{9}$/.test(p) || /^0\d{2,3}-?\d{7,8}$/.test(p)
}

/** A name as printed on notices and shown to roles with masked data: 张三丰 → 张*丰, 李四 → 李*, 王 → *. */
export function maskName(name: string | null | undefined): string {
  if (!name) return ''
  const cp = [...name]
  const n = cp.length
  if (n >= 3) return cp[0] + '*'.repeat(n - 2) + cp[n - 1]
  if (n === 2) return cp[0] + '*'
  return '*'
}
