import { describe, expect, it } from 'vitest'
import { buildXlsx, columnName, crc32, sheetXml, xmlEscape } from './xlsx'

/** Reads a ZIP as its central directory says, checking each stored entry against its CRC-32. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = bytes.length - 22
  expect(view.getUint32(eocd, true)).toBe(0x06054b50)
  const count = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  const out = new Map<string, string>()
  const dec = new TextDecoder()
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50)
    const method = view.getUint16(at + 10, true)
    const crc = view.getUint32(at + 16, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const local = view.getUint32(at + 42, true)
    const name = dec.decode(bytes.slice(at + 46, at + 46 + nameLength))
    expect(method).toBe(0)
    expect(view.getUint32(local, true)).toBe(0x04034b50)
    const localNameLength = view.getUint16(local + 26, true)
    const data = bytes.slice(local + 30 + localNameLength, local + 30 + localNameLength + size)
    expect(crc32(data)).toBe(crc)
    out.set(name, dec.decode(data))
    at += 46 + nameLength
  }
  return out
}

describe('XLSX export', () => {
  it('CRC-32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })

  it('column names run A..Z, AA..', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA'])
  })

  it('is a workbook whose one sheet holds the header, the text as inline strings and counts as numbers', () => {
    const bytes = buildXlsx('电子监察', ['部门', '收件', '满意率'], [['区规划和自然资源局', 3, '83.3%'], ['合计', 0, '—']])
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    const files = unzip(bytes)
    expect([...files.keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml'])
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="电子监察" sheetId="1" r:id="rId1"/>')
    expect(files.get('[Content_Types].xml')).toContain('/xl/worksheets/sheet1.xml')
    const sheet = files.get('xl/worksheets/sheet1.xml')!
    expect(sheet).toContain('<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">部门</t></is></c>')
    expect(sheet).toContain('<c r="B2"><v>3</v></c>')
    expect(sheet).toContain('<c r="C2" t="inlineStr"><is><t xml:space="preserve">83.3%</t></is></c>')
    expect(sheet).toContain('<c r="B3"><v>0</v></c>')
  })

  it('escapes XML specials and drops characters XML cannot carry', () => {
    expect(xmlEscape('a<b & "c" \'d\'>')).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;')
    expect(xmlEscape('x\u0001y')).toBe('xy')
    expect(sheetXml(['<h>'], [])).toContain('&lt;h&gt;')
  })
})
