import { describe, expect, it } from 'vitest'
import { parseHolidayNotice } from './holidayNotice'

/** The 2025 arrangement (国办发明电〔2024〕12号) in the notice's usual wording. */
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2024年11月12日`

/** The 2026 arrangement (notice of 2025-11-04). */
const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。9月20日（周日）上班。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。10月10日（周六）上班。
国务院办公厅
2025年11月4日`

function days(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = new Date(from + 'T00:00:00Z'); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10))
  }
  return out
}

describe('parseHolidayNotice', () => {
  it('reads the 2025 notice: 28 days off and 5 make-up working days (SPEC §4)', () => {
    const r = parseHolidayNotice(NOTICE_2025)
    expect(r.year).toBe(2025)
    expect(r.holidays).toEqual([
      '2025-01-01',
      ...days('2025-01-28', '2025-02-04'),
      ...days('2025-04-04', '2025-04-06'),
      ...days('2025-05-01', '2025-05-05'),
      ...days('2025-05-31', '2025-06-02'),
      ...days('2025-10-01', '2025-10-08'),
    ])
    expect(r.holidays).toHaveLength(28)
    expect(r.makeupWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'])
  })

  it('reads the 2026 notice: 33 days off and 6 make-up working days (SPEC §4)', () => {
    const r = parseHolidayNotice(NOTICE_2026)
    expect(r.year).toBe(2026)
    expect(r.holidays).toEqual([
      ...days('2026-01-01', '2026-01-03'),
      ...days('2026-02-15', '2026-02-23'),
      ...days('2026-04-04', '2026-04-06'),
      ...days('2026-05-01', '2026-05-05'),
      ...days('2026-06-19', '2026-06-21'),
      ...days('2026-09-25', '2026-09-27'),
      ...days('2026-10-01', '2026-10-07'),
    ])
    expect(r.holidays).toHaveLength(33)
    expect(r.makeupWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
  })

  it('takes the year given over the text, reads full-width digits and a single pasted line', () => {
    const r = parseHolidayNotice('元旦：１月１日（周四）至３日（周六）放假调休，共３天。１月４日（周日）上班。', 2026)
    expect(r.holidays).toEqual(['2026-01-01', '2026-01-02', '2026-01-03'])
    expect(r.makeupWorkdays).toEqual(['2026-01-04'])
  })

  it('finds nothing without a year, and skips impossible dates', () => {
    expect(parseHolidayNotice('1月1日放假').holidays).toEqual([])
    expect(parseHolidayNotice('2月30日放假，2月28日上班', 2026)).toEqual({
      year: 2026, holidays: [], makeupWorkdays: ['2026-02-28'],
    })
  })
})
