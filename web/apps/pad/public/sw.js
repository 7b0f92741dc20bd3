/* The rating PAD's service worker (scope /pad/), hand-written: the app shell is cached so the PAD starts and
 * reloads without a network. Pages: network first, the cached shell when offline. Hashed assets: cache first
 * (their names change with their content). The API (/v1) is never cached or touched here. */
const CACHE = 'onewindow-pad-v1'
const SHELL = '/pad/'

async function cacheShell() {
  const cache = await caches.open(CACHE)
  const res = await fetch(SHELL, { cache: 'no-store' })
  if (!res.ok) return
  const html = await res.clone().text()
  await cache.put(SHELL, res)
  const assets = [...html.matchAll(/(?:src|href)="(\/pad\/assets\/[^"]+)"/g)].map((m) => m[1])
  await cache.addAll([...new Set(assets)])
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key)
    await self.clients.claim()
  })())
})

self.addEventListener('fetch', (event) => {
  const req = event.request
  if (req.method !== 'GET') return
  const url = new URL(req.url)
  if (url.origin !== self.location.origin || !url.pathname.startsWith('/pad/')) return
  if (req.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        const res = await fetch(req, { cache: 'no-store' })
        if (res.ok) {
          const cache = await caches.open(CACHE)
          await cache.put(SHELL, res.clone())
        }
        return res
      } catch {
        const cached = await caches.match(SHELL)
        return cached || Response.error()
      }
    })())
    return
  }
  if (url.pathname.startsWith('/pad/assets/')) {
    event.respondWith((async () => {
      const cached = await caches.match(req)
      if (cached) return cached
      const res = await fetch(req)
      if (res.ok) {
        const cache = await caches.open(CACHE)
        await cache.put(req, res.clone())
      }
      return res
    })())
  }
})
