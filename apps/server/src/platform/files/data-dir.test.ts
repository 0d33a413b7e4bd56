import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { storeAttachment } from '../../modules/cases/attachments/attachment-store.js';
import { TEST_CHAIN_KEY } from '../../test/chain-key.js';
import { TEST_DATA_KEY } from '../../test/data-key.js';
import { createTestContext, TEST_DB } from '../../test/setup.js';
import { closeContext, openContext } from '../bootstrap.js';
import { chainKeyFile } from '../config/chain-key.js';
import { loadConfig } from '../config/config.js';
import { dataKeyFile } from '../config/data-key.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new, empty data directory in the system's temporary folder. */
function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-data-'));
  made.push(dir);
  // what `mkdtemp` makes is private already; a data folder an operator creates is usually not
  fs.chmodSync(dir, 0o755);
  return path.join(dir, 'data');
}

/** Every entry under `root` (itself included) whose mode lets the group or anyone else in, with its mode. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry);
    if ((stat.mode & 0o077) !== 0) {
      found.push(`${path.relative(root, entry) || '.'} ${(stat.mode & 0o777).toString(8)}`);
    }
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(root);
  return found;
}

/** How many files and folders there are under `root`. */
function countEntries(root: string): { files: number; folders: number } {
  const count = { files: 0, folders: 0 };
  const visit = (entry: string) => {
    if (fs.lstatSync(entry).isDirectory()) {
      count.folders += 1;
      for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    } else count.files += 1;
  };
  visit(root);
  return count;
}

/** What an older release left: every file 0666 and every folder 0777 (as the security review found). */
function openUpToEveryone(root: string): void {
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry);
    fs.chmodSync(entry, stat.isDirectory() ? 0o777 : 0o666);
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(root);
}

/** Stores one photo the way a case attachment and a portal photo are stored. */
async function storePhoto(dataDir: string, bytes: Buffer = PNG): Promise<string> {
  const stored = await storeAttachment(dataDir, Readable.from([bytes]), 1024 * 1024, () => false);
  return stored.sha256;
}

describe.runIf(TEST_DB === 'pglite')('the embedded database’s data directory (finding 7)', () => {
  const dataDir = freshDataDir();

  it('writes a fresh data directory owner-only: the database, the chain and data keys and attachments (finding 7)', async () => {
    // the test process keeps the usual umask (022): the modes must not depend on the CLI's own umask
    expect(process.umask() & 0o077).not.toBe(0o077);
    const ctx = await openContext(loadConfig({ SHANZHI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    try {
      await storePhoto(dataDir);
    } finally {
      await closeContext(ctx);
    }
    expect(fs.existsSync(path.join(dataDir, 'pg', 'pg_hba.conf'))).toBe(true);
    expect(fs.existsSync(chainKeyFile(dataDir))).toBe(true);
    expect(fs.existsSync(dataKeyFile(dataDir))).toBe(true);
    expect(countEntries(dataDir).files).toBeGreaterThan(900);
    expect(openToOthers(dataDir)).toEqual([]);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'pg', 'pg_hba.conf')).mode & 0o777).toBe(0o600);
  });

  it('makes a data directory an older release left world-writable private again at start (finding 7)', async () => {
    openUpToEveryone(dataDir);
    expect(openToOthers(dataDir).length).toBeGreaterThan(900);
    const ctx = await openContext(loadConfig({ SHANZHI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    try {
      // the database still works on the tightened files, and writes new ones owner-only
      await ctx.database.db.execute('create table finding7 (id int primary key)');
      await storePhoto(dataDir, Buffer.concat([PNG, Buffer.from('another photo')]));
    } finally {
      await closeContext(ctx);
    }
    expect(openToOthers(dataDir)).toEqual([]);
  });

  it('leaves what an operator keeps beside the platform’s own folders alone (finding 7)', async () => {
    const notes = path.join(path.dirname(dataDir), 'operator-notes.txt');
    fs.writeFileSync(notes, 'backups run at 02:00\n', { mode: 0o644 });
    const ctx = await openContext(loadConfig({ SHANZHI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    await closeContext(ctx);
    expect(fs.statSync(notes).mode & 0o777).toBe(0o644);
  });
});

describe.runIf(TEST_DB === 'postgres')('the attachment folder beside PostgreSQL (finding 7)', () => {
  it('keeps the attachment store owner-only and tightens one an older release left open (finding 7)', async () => {
    const observer = await createTestContext();
    const dataDir = freshDataDir();
    try {
      const old = await storePhoto(dataDir);
      openUpToEveryone(dataDir);
      const url = observer.database.pool!.options.connectionString!;
      const ctx = await openContext(
        loadConfig({
          DATABASE_URL: url,
          SHANZHI_CHAIN_KEY: TEST_CHAIN_KEY,
          SHANZHI_DATA_KEY: TEST_DATA_KEY,
          SHANZHI_DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
        }),
      );
      try {
        const fresh = await storePhoto(dataDir, Buffer.concat([PNG, Buffer.from('another photo')]));
        expect(fresh).not.toBe(old);
      } finally {
        await closeContext(ctx);
      }
      expect(countEntries(dataDir).files).toBe(2);
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await observer.dispose();
    }
  });
});
