/**
 * Pinyin initials (拼音首字母) without a dictionary: each Chinese character's initial is found by comparing it, with
 * the zh-CN collator (ICU sorts Han characters in pinyin order), with the first character of each initial letter and
 * taking the last boundary that is not after it. Polyphones get the collator's reading (长 → Z). Non-Han characters
 * stay as they are (upper-cased); punctuation is dropped by {@link initials}.
 */
const BOUNDARIES = '阿八嚓哒妸发旮哈丌咔垃妈拏噢妑七呥仨他屲夕丫帀'
const LETTERS = 'ABCDEFGHJKLMNOPQRSTWXYZ'
const HAN = /[\u3400-\u9fff]/

let collator: Intl.Collator | null = null

function compare(a: string, b: string): number {
  collator ??= new Intl.Collator('zh-CN')
  return collator.compare(a, b)
}

/** Whether this runtime sorts Han characters in pinyin order (full ICU); without it initials are not derivable. */
export function pinyinCollationAvailable(): boolean {
  return compare('阿', '八') < 0 && compare('八', '嚓') < 0 && compare('七', '帀') < 0 && compare('啊', '企') < 0
}

/** The initial letter of one character: A–Z for Han characters, the character itself (upper case) otherwise. */
export function initialOf(ch: string): string {
  if (!HAN.test(ch)) return ch.toUpperCase()
  if (compare(ch, BOUNDARIES[0]) < 0) return ''
  let lo = 0
  let hi = BOUNDARIES.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (compare(BOUNDARIES[mid], ch) <= 0) lo = mid
    else hi = mid - 1
  }
  return LETTERS[lo]
}

/** Initials of a text, letters and digits only: "企业设立登记（三证合一）" → "QYSLDJSZHY". */
export function initials(text: string): string {
  let out = ''
  for (const ch of text) {
    const i = initialOf(ch)
    if (/^[A-Z0-9]$/.test(i)) out += i
  }
  return out
}

/**
 * Whether an item matches what the clerk typed: part of its name, part of its code, or a run of its pinyin
 * initials ("qysl" finds 企业设立登记). Case and surrounding spaces do not matter; an empty query matches all.
 */
export function matchesItem(query: string, name: string, code: string, nameInitials = initials(name)): boolean {
  const q = query.trim()
  if (!q) return true
  if (name.includes(q)) return true
  const upper = q.toUpperCase()
  if (code.toUpperCase().includes(upper)) return true
  return /^[A-Za-z]+$/.test(q) && nameInitials.includes(upper)
}
