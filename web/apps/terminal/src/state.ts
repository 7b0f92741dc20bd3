/**
 * The terminal's state: who is signed in (kept on the device so that the app opens offline), the link, the outbox
 * and its sync loop, the cached catalog. Module-level reactive state: the app is small, no store library needed.
 */
import { reactive } from 'vue'
import { ApiError, call, setUnauthorizedHandler } from '@shared/api'
import { currentSession, signIn as apiSignIn, signOut as apiSignOut, type SessionCaller } from '@shared/session'
import type { CaseView, Item } from '@shared/cases'
import { Outbox, MemoryStore, type OutboxEntry } from './outbox/outbox'
import { IdbStore } from './outbox/idbStore'

const CALLER = 'terminal.caller'
const ITEMS = 'terminal.items'

function load<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as T) : null
  } catch {
    return null
  }
}

export const state = reactive({
  caller: load<SessionCaller>(CALLER),
  /** True once the page has a live session (CSRF token) for writes; false after a reload until the link allows. */
  live: false,
  expired: false,
  online: navigator.onLine,
  syncing: false,
  entries: [] as OutboxEntry[],
  items: load<Item[]>(ITEMS) ?? [],
  ready: 0,
})

export const outbox = new Outbox(typeof indexedDB === 'undefined' ? new MemoryStore() : new IdbStore())

export async function refreshEntries(): Promise<void> {
  state.entries = await outbox.list()
}

export function pendingCount(): number {
  return state.entries.filter((e) => e.state === 'PENDING').length
}

setUnauthorizedHandler(() => {
  state.live = false
  state.expired = true
})

/** On start: the live session when the link allows; else the caller kept from the last sign-in (offline use). */
export async function restore(): Promise<void> {
  await refreshEntries()
  if (!navigator.onLine) return
  try {
    const view = await currentSession()
    if (view && view.caller.role === 'AGENT') {
      remember(view.caller)
      state.live = true
      state.expired = false
    } else if (state.caller) {
      // signed out or expired on the server: the outbox keeps waiting until the agent signs in again
      state.expired = true
    }
  } catch {
    // no link: go on with the kept caller
  }
}

function remember(caller: SessionCaller) {
  state.caller = caller
  localStorage.setItem(CALLER, JSON.stringify(caller))
}

export async function signIn(username: string, password: string): Promise<void> {
  const view = await apiSignIn(username, password)
  if (view.caller.role !== 'AGENT') {
    await apiSignOut().catch(() => undefined)
    throw new Error('WRONG_ROLE')
  }
  remember(view.caller)
  state.live = true
  state.expired = false
  void loadItems()
  void syncNow()
}

export async function signOut(): Promise<void> {
  await apiSignOut().catch(() => undefined)
  state.caller = null
  state.live = false
  localStorage.removeItem(CALLER)
}

/** The items this agent may take in: the current, not cancelled items of the agent's own city (同城通办 rule). */
export function agentItems(items: Item[], caller: SessionCaller | null): Item[] {
  if (!caller) return []
  return items.filter((i) => i.status !== 'CANCELLED' && (!caller.cityCode || i.regionCode === caller.cityCode))
}

export async function loadItems(): Promise<void> {
  try {
    const items = await call<Item[]>('GET', '/v1/items')
    state.items = items
    localStorage.setItem(ITEMS, JSON.stringify(items))
  } catch {
    // offline: keep the cached catalog
  }
}

// ------------------------------------------------------------------ the sync loop

let timer: ReturnType<typeof setTimeout> | null = null

async function send(entry: OutboxEntry): Promise<string | null> {
  try {
    const answer = await call<CaseView>(entry.method, entry.path, { body: entry.body, idempotencyKey: entry.key })
    return answer?.id ?? null
  } catch (e) {
    if (!(e instanceof ApiError) || e.fieldErrors.length === 0) throw e
    // the agent sees what to fix: the problem's message and each field's
    const zh = e.fieldErrors.map((f) => f.message || f.code).filter(Boolean).join('；')
    const en = e.fieldErrors.map((f) => f.messageEn || f.code).filter(Boolean).join('; ')
    throw new ApiError(e.status, e.code, `${e.messageZh}：${zh}`, `${e.messageEn}: ${en}`, e.fieldErrors)
  }
}

/** Sends what waits, oldest first, when the link allows; plans the next pass. */
export async function syncNow(): Promise<void> {
  if (timer) {
    clearTimeout(timer)
    timer = null
  }
  if (!state.caller) return
  if (!navigator.onLine) {
    state.online = false
    return
  }
  if (!state.live) {
    await restore()
    if (!state.live) return
  }
  state.syncing = true
  try {
    const report = await outbox.sync(send)
    if (report.held) {
      // 401 or a stale CSRF token: renew the session once, else wait for a new sign-in
      state.live = false
      await restore()
      if (state.live) return void schedule(1_000)
    }
    if (report.nextDueAt) schedule(Math.max(500, report.nextDueAt - Date.now()))
  } finally {
    state.syncing = false
    await refreshEntries()
  }
}

function schedule(ms: number) {
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => void syncNow(), ms)
}

/** Adds a write to the outbox (it is on the disk before this resolves), then tries to send it. */
export async function enqueue(input: Parameters<Outbox['add']>[0]): Promise<OutboxEntry> {
  const entry = await outbox.add(input)
  await refreshEntries()
  void syncNow()
  return entry
}

export function errorText(e: unknown, lang: string): string {
  if (e instanceof ApiError) return e.describe(lang)
  return (e as Error)?.message ?? String(e)
}

export function watchLink(): void {
  window.addEventListener('online', () => {
    state.online = true
    // what failed for want of a link is due again now that the link is back
    void outbox.wake().then(() => syncNow())
  })
  window.addEventListener('offline', () => {
    state.online = false
  })
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow()
  })
  // a safety net: the browser does not always say when the link comes back
  setInterval(() => {
    state.online = navigator.onLine
    if (state.online && pendingCount() > 0 && !timer) void syncNow()
  }, 15_000)
}

/** How many of the point's cases wait for hand-over (RESULT_READY): the notice in the tab bar. */
export async function checkReady(): Promise<void> {
  if (!state.live || !navigator.onLine) return
  try {
    const page = await call<{ items: unknown[]; nextCursor: string | null }>('GET', '/v1/cases?status=RESULT_READY&limit=100')
    state.ready = page.items.length
  } catch {
    // offline or expired: keep the last count
  }
}
