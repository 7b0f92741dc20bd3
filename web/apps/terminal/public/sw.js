/*
 * The village terminal's service worker (hand-written, no library): keeps the app shell so that the terminal
 * opens with no link at all. Scope /terminal/. The API (/v1/…) is never cached here: writes wait in the page's
 * IndexedDB outbox, reads show what the page kept.
 *  - install: caches index.html and every file it names (entry script, styles, preloads), manifest and icons;
 *  - navigation: the cached index.html at once, refreshed in the background (stale-while-revalidate); when the
 *    new index.html names other assets they are cached and the old ones dropped;
 *  - other GETs in scope: cache first (hashed assets never change), else network, kept for next time.
 */
const CACHE = 'terminal-shell-v1'
const SCOPE = new URL('./', self.location).pathname // "/terminal/"
const FIXED = ['', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png'].map((p) => SCOPE + p)

function assetsOf(html) {
  const found = new Set()
  for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    const url = new URL(m[1], self.location.origin + SCOPE)
    if (url.origin === self.location.origin && url.pathname.startsWith(SCOPE)) found.add(url.pathname)
  }
  return [...found]
}

async function refreshShell() {
  const response = await fetch(SCOPE, { cache: 'no-cache' })
  if (!response.ok) return
  const cache = await caches.open(CACHE)
  const html = await response.clone().text()
  const wanted = new Set([...FIXED, ...assetsOf(html)])
  await Promise.all([...wanted].filter((p) => p !== SCOPE).map(async (p) => {
    if (!(await cache.match(p))) await cache.add(p)
  }))
  await cache.put(SCOPE, response)
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname
    if (path.startsWith(SCOPE + 'assets/') && !wanted.has(path)) await cache.delete(request)
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(refreshShell().then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE && name.startsWith('terminal-shell')) await caches.delete(name)
    await self.clients.claim()
  })())
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return
  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      const cached = await caches.match(SCOPE)
      const update = refreshShell().catch(() => undefined)
      if (cached) {
        event.waitUntil(update)
        return cached
      }
      try {
        return await fetch(request)
      } catch {
        return new Response('<!doctype html><meta charset="utf-8"><title>离线</title><p>当前离线，且终端尚未缓存，请联网后打开一次。</p>',
          { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } })
      }
    })())
    return
  }
  event.respondWith((async () => {
    const cached = await caches.match(url.pathname)
    if (cached) return cached
    const response = await fetch(request)
    if (response.ok && response.type === 'basic') {
      const copy = response.clone()
      event.waitUntil(caches.open(CACHE).then((c) => c.put(url.pathname, copy)))
    }
    return response
  })())
})
