import { describe, expect, it } from 'vitest'
import type { Item, MaterialRequirement } from '@shared/cases'
import { preview, submitted } from './intakePreview'

const m = (code: string, copies: number, tolerable: boolean, mandatory = true): MaterialRequirement => ({
  code, name: code, form: 'ORIGINAL', copies, mandatory, tolerable,
})

// 建设用地审批 (DemoData): four mandatory materials, M04 tolerable, one acceptance condition
const land: Item = {
  code: '330100-XK-0044', version: 1, name: '建设用地审批', departmentCode: 'zrzy', departmentName: '区规划和自然资源局',
  type: 'ADMINISTRATIVE_LICENSE', mode: 'PROMISED', regionCode: '330100', legalDays: 60, promisedDays: 12,
  conditions: [{ code: 'C01', description: '项目用地符合国土空间规划', legalBasis: '《中华人民共和国土地管理法》第五十二条' }],
  materials: [m('M01', 1, false), m('M02', 1, false), m('M03', 1, false), m('M04', 1, true), m('M05', 1, false, false)],
}

describe('desk preview of the intake rules', () => {
  it('complete materials are accepted (受理); optional ones do not matter', () => {
    const p = preview(land, submitted({ M01: 1, M02: 1, M03: 1, M04: 1 }), [])
    expect(p).toEqual({ outcome: 'ACCEPTED', missing: [], blocking: [], tolerable: [] })
  })

  it('only a tolerable material missing is 容缺受理', () => {
    const p = preview(land, submitted({ M01: 1, M02: 1, M03: 1 }), [])
    expect(p.outcome).toBe('ACCEPTED_WITH_DEFICIENCY')
    expect(p.tolerable).toEqual(['M04'])
  })

  it('a blocking material missing gives the one-time notice listing every missing one, tolerable included', () => {
    const p = preview(land, submitted({ M01: 1 }), [])
    expect(p.outcome).toBe('AWAITING_MATERIALS')
    expect(p.missing).toEqual(['M02', 'M03', 'M04'])
    expect(p.blocking).toEqual(['M02', 'M03'])
  })

  it('too few copies count as missing; unticked (0) materials are not sent', () => {
    const twoCopies = { ...land, materials: [m('M01', 2, false)] }
    expect(preview(twoCopies, submitted({ M01: 1 }), []).missing).toEqual(['M01'])
    expect(preview(twoCopies, submitted({ M01: 2 }), []).outcome).toBe('ACCEPTED')
    expect(submitted({ M01: 0, M02: undefined, M03: 2 })).toEqual([{ code: 'M03', copies: 2 }])
  })

  it('an unmet condition is 不予受理 with its legal basis, whatever the materials', () => {
    const p = preview(land, submitted({ M01: 1, M02: 1, M03: 1, M04: 1 }), ['C01'])
    expect(p.outcome).toBe('NOT_ACCEPTED')
    expect(p.reason).toBe('不符合受理条件：项目用地符合国土空间规划')
    expect(p.basis).toBe('《中华人民共和国土地管理法》第五十二条')
  })

  it('a controlled item (控制事项) is refused at once with its basis', () => {
    const p = preview({ ...land, controlled: true, controlBasis: '严禁新建高尔夫球场' }, [], [])
    expect(p.outcome).toBe('NOT_ACCEPTED')
    expect(p.basis).toBe('严禁新建高尔夫球场')
  })
})
