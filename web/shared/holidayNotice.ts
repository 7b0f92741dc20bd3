/**
 * Reads the dates out of a State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知), e.g.
 * "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"
 *
 * Every sentence (split at 。；; and line breaks) is cut at its commas; a clause saying 放假 makes its dates (and the
 * whole span of a "X月Y日至Z日" range) days off, a clause saying 上班 makes its dates make-up working days. A clause
 * with dates but neither word takes the meaning of the next clause of the same sentence that has one. Brackets after
 * a date (weekday, lunar date) are skipped. Pure: no DOM, no clock.
 */

export interface NoticeDates {
  /** The year the dates belong to (from the `year` argument, else the first "YYYY年" of the text). */
  year: number | null
  /** Days off, ISO yyyy-mm-dd, sorted, each once. */
  holidays: string[]
  /** Make-up working days (weekend days that are worked), ISO, sorted, each once. */
  makeupWorkdays: string[]
}

const DATE = '(?:(\\d{1,2})\\s*月\\s*)?(\\d{1,2})\\s*日(?:\\s*[（(][^）)]*[）)])?'
/** A date or a range "M月D日（…）至[M月]D日（…）"; the first date's month is required (checked below). */
const SPAN = new RegExp(`${DATE}(?:\\s*(?:至|—|–|-|~|～)\\s*${DATE})?`, 'g')

export function iso(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return d.toISOString().slice(0, 10)
}

function toHalfWidth(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/** The dates a clause names, ranges expanded; a date without a month takes the previous date's month. */
function datesOf(clause: string, year: number, lastMonth: { value: number | null }): string[] {
  const out: string[] = []
  for (const m of clause.matchAll(SPAN)) {
    const startMonth = m[1] ? Number(m[1]) : lastMonth.value
    if (startMonth === null) continue
    const startDay = Number(m[2])
    lastMonth.value = startMonth
    if (m[4] === undefined) {
      const one = iso(year, startMonth, startDay)
      if (one) out.push(one)
      continue
    }
    const endMonth = m[3] ? Number(m[3]) : startMonth
    const endDay = Number(m[4])
    lastMonth.value = endMonth
    // a range into January of the next year (e.g. 12月31日至1月2日)
    const endYear = endMonth < startMonth ? year + 1 : year
    const from = iso(year, startMonth, startDay)
    const to = iso(endYear, endMonth, endDay)
    if (!from || !to || to < from) continue
    for (let d = new Date(from + 'T00:00:00Z'); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
      out.push(d.toISOString().slice(0, 10))
      if (out.length > 400) break
    }
  }
  return out
}

type Meaning = 'off' | 'work' | null

function meaningOf(clause: string): Meaning {
  // "放假调休" is a day-off clause; "上班" alone marks make-up working days
  if (clause.includes('放假') || clause.includes('休息')) return 'off'
  if (clause.includes('上班')) return 'work'
  return null
}

export function parseHolidayNotice(text: string, year?: number): NoticeDates {
  const normal = toHalfWidth(text)
  const y = year ?? (() => {
    const m = normal.match(/(\d{4})\s*年/)
    return m ? Number(m[1]) : null
  })()
  const holidays = new Set<string>()
  const makeup = new Set<string>()
  if (y === null) return { year: null, holidays: [], makeupWorkdays: [] }
  for (const sentence of normal.split(/[。；;\n\r]+/)) {
    // the "X、节名：" heading and a "YYYY年" (title) are not dates
    const body = sentence.replace(/^[^：:]*[：:]/, '').replace(/\d{4}\s*年/g, '')
    const clauses = body.split(/[，,]/)
    const lastMonth = { value: null as number | null }
    const pending: string[] = []
    for (const clause of clauses) {
      const dates = datesOf(clause, y, lastMonth)
      const meaning = meaningOf(clause)
      if (meaning === null) {
        pending.push(...dates)
        continue
      }
      const target = meaning === 'off' ? holidays : makeup
      for (const d of [...pending, ...dates]) target.add(d)
      pending.length = 0
    }
  }
  for (const d of makeup) holidays.delete(d)
  return { year: y, holidays: [...holidays].sort(), makeupWorkdays: [...makeup].sort() }
}
