import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '@shared/session'

/** One entry in the console's side menu. */
export interface MenuEntry {
  /** Route path the entry opens. */
  path: string
  /** i18n key of the label. */
  label: string
  /** Roles that see the entry (the API decides access; the menu only hides what a role cannot use). */
  roles: Role[]
  /** Sort position in the menu (lower first). */
  order: number
}

/**
 * A screen family of the console (window desk, department inbox, supervision, …). Each lives in its own folder under
 * src/features/<name>/ with an index.ts exporting one Feature; the router and the menu collect them, so adding a screen
 * never edits a shared file.
 */
export interface Feature {
  routes: RouteRecordRaw[]
  menu: MenuEntry[]
  /** Messages of this feature, merged into the app's zh-CN and en dictionaries. */
  messages: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> }
}

const modules = import.meta.glob<{ default: Feature }>('./*/index.ts', { eager: true })

export const features: Feature[] = Object.values(modules).map((m) => m.default)
