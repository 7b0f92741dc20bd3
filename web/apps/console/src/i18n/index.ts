import { createI18n } from 'vue-i18n'
import { features } from '../features/feature'
import { common } from './common'

export type Locale = 'zh-CN' | 'en'

const LOCALE_KEY = 'onewindow.locale'

function merged(locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = { ...common[locale] }
  for (const f of features) Object.assign(out, f.messages[locale])
  return out
}

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(LOCALE_KEY) : null
  return saved === 'en' ? 'en' : 'zh-CN'
}

/** zh-CN first; an English toggle kept in localStorage. Messages are compiled just in time (no eval: CSP-safe). */
type Messages = Record<string, unknown>

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': merged('zh-CN'), en: merged('en') },
})

export function switchLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}
