/** The outbox in IndexedDB (database `onewindow-terminal`, store `outbox`, key = Idempotency-Key): survives a closed
 * tab, a reload and a power cut. Each call opens its own transaction and resolves when it has committed. */
import type { OutboxEntry, OutboxStore } from './outbox'

const DB = 'onewindow-terminal'
const STORE = 'outbox'

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

export function openDb(name = DB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name, 1)
    r.onupgradeneeded = () => {
      if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'key' })
    }
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

export class IdbStore implements OutboxStore {
  private db: Promise<IDBDatabase> | null = null

  constructor(private readonly name = DB) {}

  private async tx(mode: IDBTransactionMode): Promise<{ store: IDBObjectStore; done: Promise<void> }> {
    if (!this.db) this.db = openDb(this.name)
    // strict: a write is on the disk (not only in the OS cache) before the agent is told it is saved (power cuts)
    const t = (await this.db).transaction(STORE, mode, mode === 'readwrite' ? { durability: 'strict' } : undefined)
    const done = new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve()
      t.onerror = () => reject(t.error)
      t.onabort = () => reject(t.error)
    })
    return { store: t.objectStore(STORE), done }
  }

  async all(): Promise<OutboxEntry[]> {
    const { store } = await this.tx('readonly')
    return request(store.getAll() as IDBRequest<OutboxEntry[]>)
  }

  async put(entry: OutboxEntry): Promise<void> {
    const { store, done } = await this.tx('readwrite')
    store.put(entry)
    await done
  }

  async remove(key: string): Promise<void> {
    const { store, done } = await this.tx('readwrite')
    store.delete(key)
    await done
  }
}
