/**
 * The hall devices' (kiosk, board) own small i18n: zh-CN first, an English toggle, the choice kept in this tab's
 * sessionStorage and on `<html lang>`. Not vue-i18n: these bundles stay small (≤ 150 KB gzip).
 */
import { ref } from 'vue'

export type HallLocale = 'zh-CN' | 'en'
export type Messages = Record<string, string>

const KEY = 'onewindow.hall.locale'

function initial(storage: Storage | undefined): HallLocale {
  try {
    return storage?.getItem(KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

/** Replaces `{name}` with the parameter's value. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m))
}

/** A translator over zh-CN and en bundles; a key missing in English falls back to Chinese, then to the key. */
export function createHallI18n(messages: Record<HallLocale, Messages>,
                               storage: Storage | undefined = typeof sessionStorage === 'undefined' ? undefined : sessionStorage) {
  const locale = ref<HallLocale>(initial(storage))
  const apply = () => {
    if (typeof document !== 'undefined') document.documentElement.lang = locale.value
  }
  apply()
  function t(key: string, params?: Record<string, string | number>): string {
    const m = messages[locale.value][key] ?? messages['zh-CN'][key] ?? key
    return format(m, params)
  }
  function setLocale(l: HallLocale) {
    locale.value = l
    try {
      storage?.setItem(KEY, l)
    } catch {
      // private mode: the choice lasts for this page only
    }
    apply()
  }
  function toggle() {
    setLocale(locale.value === 'zh-CN' ? 'en' : 'zh-CN')
  }
  return { locale, t, setLocale, toggle }
}

/** The device setup screen's strings (shared by kiosk and board). */
export const SETUP_MESSAGES: Record<HallLocale, Messages> = {
  'zh-CN': {
    'setup.title': '{app} · 设备设置',
    'setup.noCenter': '地址缺少服务中心编号，请使用 ?center=330110-ZX 这样的地址打开。',
    'setup.refused': '令牌无效或已停用，请重新设置。',
    'setup.hint': '由大厅工作人员设置一次：粘贴管理员发给本设备的令牌。令牌只保存在本浏览器标签页中，关闭标签页后需重新设置。',
    'setup.token': '设备令牌',
    'setup.invalid': '请粘贴本设备的令牌',
    'setup.save': '保存并开始',
    'lang.toggle': 'English',
    'lang.toggleLabel': '切换到英文',
  },
  en: {
    'setup.title': '{app} · device setup',
    'setup.noCenter': 'The address lacks the service center; open it like ?center=330110-ZX.',
    'setup.refused': 'The token is invalid or revoked; set it up again.',
    'setup.hint': 'Hall staff set this up once: paste the token the administrator issued for this device. It is kept in this browser tab only; after closing the tab set it up again.',
    'setup.token': 'Device token',
    'setup.invalid': 'Paste this device\'s token',
    'setup.save': 'Save and start',
    'lang.toggle': '中文',
    'lang.toggleLabel': 'Switch to Chinese',
  },
}
