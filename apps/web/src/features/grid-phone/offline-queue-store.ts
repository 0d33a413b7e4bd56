import { memoryQueueStore, type QueuedUpload, type QueueStore, type RecordRef } from './offline-queue.js';

const DB_NAME = 'shanzhi-phone';
const DB_VERSION = 1;
const UPLOADS = 'uploads';
const BY_USER = 'by_user';
/** the records delivered uploads made, kept a while for uploads taken later that refer to them */
const RECORDS = 'records';
/** How long a delivered upload's record is remembered: longer than any patrol or offline spell lasts. */
const RECORD_DAYS = 7;

interface KeptRecord extends RecordRef {
  key: string;
  /** when it was delivered (ms since the epoch) */
  at: number;
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const uploads = request.result.createObjectStore(UPLOADS, { keyPath: 'key' });
      uploads.createIndex(BY_USER, 'userId');
      request.result.createObjectStore(RECORDS, { keyPath: 'key' }).createIndex('at', 'at');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    // another tab holds an older version open: it will close it on its `versionchange`
    request.onblocked = () => undefined;
  });
}

/** Runs one request in its own transaction and waits until the transaction has committed. */
async function inTransaction<T>(
  db: IDBDatabase,
  storeName: string,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const tx = db.transaction(storeName, mode);
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
    tx.onerror = () => reject(tx.error);
  });
  const result = await promised(run(tx.objectStore(storeName)));
  await done;
  return result;
}

/** Drops the records of uploads delivered more than `RECORD_DAYS` ago; a failure here loses nothing. */
function forgetOldRecords(db: IDBDatabase): Promise<void> {
  return new Promise((resolve) => {
    const tx = db.transaction(RECORDS, 'readwrite');
    const old = IDBKeyRange.upperBound(Date.now() - RECORD_DAYS * 86_400_000);
    const request = tx.objectStore(RECORDS).index('at').openCursor(old);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      cursor.delete();
      cursor.continue();
    };
    tx.oncomplete = () => resolve();
    tx.onabort = () => resolve();
  });
}

/**
 * The queue's store on the phone: IndexedDB (`shanzhi-phone` / `uploads`), which outlives the tab, a reload
 * and a restart of the phone. A browser that gives the page no IndexedDB (some private modes) gets a store in
 * memory: the queue then works as long as the tab stays open, and `persistent` says so.
 */
export async function openQueueStore(): Promise<QueueStore & { persistent: boolean }> {
  let db: IDBDatabase;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    db = await openDatabase();
  } catch {
    return { ...memoryQueueStore(), persistent: false };
  }
  db.onversionchange = () => db.close();
  await forgetOldRecords(db);
  return {
    persistent: true,
    async list(userId) {
      const items = await inTransaction<QueuedUpload[]>(db, UPLOADS, 'readonly', (store) =>
        store.index(BY_USER).getAll(IDBKeyRange.only(userId)),
      );
      return items.sort((a, b) => a.seq - b.seq);
    },
    async put(item) {
      await inTransaction(db, UPLOADS, 'readwrite', (store) => store.put(item));
    },
    async remove(key) {
      await inTransaction(db, UPLOADS, 'readwrite', (store) => store.delete(key));
    },
    async remember(key, record) {
      const kept: KeptRecord = { key, id: record.id, version: record.version, at: Date.now() };
      await inTransaction(db, RECORDS, 'readwrite', (store) => store.put(kept));
    },
    async recall(key) {
      const kept = await inTransaction<KeptRecord | undefined>(db, RECORDS, 'readonly', (store) =>
        store.get(key),
      );
      return kept ? { id: kept.id, version: kept.version } : null;
    },
  };
}
