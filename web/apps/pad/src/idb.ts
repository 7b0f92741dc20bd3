/** The PAD's IndexedDB: the rating outbox ('ratings') and the last list of rating requests ('meta'). */
import { memoryStore, type OutboxStore, type QueuedRating } from './outbox'

const DB = 'onewindow-pad'

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1)
    req.onupgradeneeded = () => {
      req.result.createObjectStore('ratings', { keyPath: 'id' })
      req.result.createObjectStore('meta')
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
}

/** The outbox in IndexedDB (kept across reloads and restarts), or in memory where there is none. */
export function outboxStore(): OutboxStore {
  if (typeof indexedDB === 'undefined') return memoryStore()
  const db = open()
  return {
    async all() {
      const d = await db
      const tx = d.transaction('ratings', 'readonly')
      const req = tx.objectStore('ratings').getAll()
      await done(tx)
      return (req.result as QueuedRating[]).sort((a, b) => a.seq - b.seq)
    },
    async put(records) {
      if (!records.length) return
      const d = await db
      const tx = d.transaction('ratings', 'readwrite')
      for (const r of records) tx.objectStore('ratings').put(r)
      await done(tx)
    },
  }
}

export async function readMeta<T>(key: string): Promise<T | null> {
  if (typeof indexedDB === 'undefined') return null
  const d = await open()
  const tx = d.transaction('meta', 'readonly')
  const req = tx.objectStore('meta').get(key)
  await done(tx)
  return (req.result as T | undefined) ?? null
}

export async function writeMeta(key: string, value: unknown): Promise<void> {
  if (typeof indexedDB === 'undefined') return
  const d = await open()
  const tx = d.transaction('meta', 'readwrite')
  tx.objectStore('meta').put(value, key)
  await done(tx)
}
