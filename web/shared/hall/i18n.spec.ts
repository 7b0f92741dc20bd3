import { describe, expect, it } from 'vitest'
import { createHallI18n, format } from './i18n'

function memoryStorage(): Storage {
  const m = new Map<string, string>()
  return {
    get length() { return m.size },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => { m.delete(k) },
    setItem: (k, v) => { m.set(k, v) },
  }
}

describe('the hall devices\' language toggle', () => {
  const messages = { 'zh-CN': { wait: '约 {n} 分钟', only: '仅中文' }, en: { wait: 'about {n} min' } }

  it('starts in Chinese, switches to English, remembers it in the tab and sets <html lang>', () => {
    const storage = memoryStorage()
    const a = createHallI18n(messages, storage)
    expect(a.t('wait', { n: 7 })).toBe('约 7 分钟')
    a.toggle()
    expect(a.t('wait', { n: 7 })).toBe('about 7 min')
    expect(document.documentElement.lang).toBe('en')
    expect(a.t('only')).toBe('仅中文')
    expect(createHallI18n(messages, storage).locale.value).toBe('en')
    a.toggle()
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('leaves unknown placeholders as they are', () => {
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}')
  })
})
