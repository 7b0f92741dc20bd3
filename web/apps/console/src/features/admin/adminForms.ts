import type { ApiError } from '@shared/api'

/**
 * The problem's field errors keyed by their path (`materials[2].copies`, `promisedDays`), in the user's language, so a
 * form item shows its own error with `:error="errors['materials[2].copies']"`. Paths no form item shows are returned
 * in `rest`.
 */
export function fieldErrorMap(e: ApiError, locale: string, shown?: (path: string) => boolean) {
  const byField: Record<string, string> = {}
  const rest: string[] = []
  for (const f of e.fieldErrors) {
    const text = (locale.startsWith('zh') ? f.message || f.messageEn : f.messageEn || f.message) || f.code || ''
    byField[f.field] = byField[f.field] ? `${byField[f.field]}；${text}` : text
    if (shown && !shown(f.field)) rest.push(`${f.field}: ${text}`)
  }
  return { byField, rest }
}

/** Password policy of sign-in accounts: ≥ 10 characters and 3 of lower case, upper case, digit, symbol. */
export function passwordAcceptable(p: string): boolean {
  if (p.length < 10) return false
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length
  return classes >= 3
}

/** Moves one element of a list up or down (a new array). */
export function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by
  if (to < 0 || to >= list.length) return list
  const out = [...list]
  const [x] = out.splice(index, 1)
  out.splice(to, 0, x)
  return out
}
