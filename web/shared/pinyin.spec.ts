import { describe, expect, it } from 'vitest'
import { initialOf, initials, matchesItem, pinyinCollationAvailable } from './pinyin'

// The demo catalog's item names (DemoData.items) and their pinyin initials
const CATALOG: [string, string][] = [
  ['企业设立登记（三证合一）', 'QYSLDJSZHY'],
  ['建设项目环境影响评价审批（报告书）', 'JSXMHJYXPJSPBGS'],
  ['建设项目环境影响评价审批（报告表）', 'JSXMHJYXPJSPBGB'],
  ['建设项目环境影响登记表备案', 'JSXMHJYXDJBBA'],
  ['建设用地审批', 'JSYDSP'],
  ['烟花爆竹经营（批发）许可证初审', 'YHBZJYPFXKZCS'],
  ['危险化学品建设项目安全许可', 'WXHXPJSXMAQXK'],
  ['危险化学品经营许可证（乙证）', 'WXHXPJYXKZYZ'],
  ['固定资产投资项目审批', 'GDZCTZXMSP'],
  ['高尔夫球场建设项目审批', 'GEFQCJSXMSP'],
  ['林木零星采伐许可', 'LMLXCFXK'],
  ['最低生活保障申请', 'ZDSHBZSQ'],
  ['户口迁移', 'HKQY'],
]

describe('pinyin initials through the zh-CN collator', () => {
  it("Node's ICU sorts Han characters in pinyin order (full ICU, no fallback table needed)", () => {
    expect(pinyinCollationAvailable()).toBe(true)
  })

  it.each(CATALOG)('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected)
  })

  it('gets every initial letter right at and after its boundary', () => {
    const samples: Record<string, string> = {
      A: '阿爱安奥', B: '八白边不', C: '擦才产出', D: '大单的对', E: '额鹅恩二', F: '发反非福', G: '该高个过',
      H: '哈好红活', J: '机家经九', K: '卡开可快', L: '拉来林路', M: '妈买木米', N: '拿南你女', O: '哦欧偶',
      P: '趴怕平扑', Q: '七期全群', R: '然让人若', S: '撒三是所', T: '他她它推', W: '挖外我五', X: '夕西学寻',
      Y: '丫压一云', Z: '匝在中做',
    }
    for (const [letter, chars] of Object.entries(samples)) {
      for (const ch of chars) expect(initialOf(ch), ch).toBe(letter)
    }
  })

  it('keeps letters and digits, drops punctuation', () => {
    expect(initials('A级 2号（乙证）')).toBe('AJ2HYZ')
  })

  it('finds items by initials, name or code', () => {
    expect(matchesItem('qysl', '企业设立登记（三证合一）', '330100-XK-0001')).toBe(true)
    expect(matchesItem('QYSL', '企业设立登记（三证合一）', '330100-XK-0001')).toBe(true)
    expect(matchesItem('设立', '企业设立登记（三证合一）', '330100-XK-0001')).toBe(true)
    expect(matchesItem('xk-0001', '企业设立登记（三证合一）', '330100-XK-0001')).toBe(true)
    expect(matchesItem('hkqy', '企业设立登记（三证合一）', '330100-XK-0001')).toBe(false)
    expect(matchesItem('  ', '户口迁移', '330100-GG-0103')).toBe(true)
  })
})
