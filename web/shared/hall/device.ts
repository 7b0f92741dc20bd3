/**
 * A hall device's credential (the board's BOARD token, the kiosk's KIOSK token, the rating PAD's TERMINAL token). There are no sign-in users for
 * these roles, and a token must never be in the JavaScript: staff paste it once on the device's setup screen and it
 * is kept in this tab's sessionStorage only (gone when the tab or browser closes; never in localStorage or a cookie).
 */
export type DeviceApp = 'board' | 'kiosk' | 'pad'

const key = (app: DeviceApp) => `onewindow.${app}.token`

export function deviceToken(app: DeviceApp, storage: Storage = sessionStorage): string | null {
  const t = storage.getItem(key(app))
  return t && t.trim() ? t.trim() : null
}

export function setDeviceToken(app: DeviceApp, token: string, storage: Storage = sessionStorage): void {
  storage.setItem(key(app), token.trim())
}

export function clearDeviceToken(app: DeviceApp, storage: Storage = sessionStorage): void {
  storage.removeItem(key(app))
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` }
}

/** The center from `?center=…` (a service point id such as 330110-ZX), or null when missing or malformed. */
export function centerFromUrl(search: string): string | null {
  const c = new URLSearchParams(search).get('center')
  return c && /^[A-Za-z0-9-]{1,40}$/.test(c) ? c : null
}
