import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { insertOrg } from './modules/orgs/orgs.repository.js';
import { openContext } from './platform/bootstrap.js';
import { loadConfig } from './platform/config/config.js';
import { TEST_DB } from './test/setup.js';

/**
 * The `shanzhi` command, run as a real process on an embedded database in a temporary folder. Each start
 * opens PGlite (1–2 s), so only what matters most is covered. PGlite only: the command is the same on
 * PostgreSQL, and the postgres project would only repeat these runs.
 */

const BIN = fileURLToPath(new URL('../bin/shanzhi.js', import.meta.url));
let dataDir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function shanzhi(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { DATABASE_URL: _db, SHANZHI_NEW_PASSWORD: _pw, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...inherited, SHANZHI_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function config() {
  return loadConfig({ SHANZHI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-cli-'));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(TEST_DB === 'postgres')('the shanzhi command', () => {
  it('migrates a new embedded database and exits 0', async () => {
    const run = await shanzhi(['migrate']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('migrations are current');
    expect(fs.existsSync(path.join(dataDir, 'pg'))).toBe(true);
  });

  it('refuses a bad holiday file with exit code 2 and a message naming the fields', async () => {
    const file = path.join(dataDir, '2027.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        year: 2027,
        days: [
          { name: '元旦', date: '2028-01-01', isOffDay: true },
          { name: '春节', date: '2027-02-30', isOffDay: true },
        ],
      }),
    );
    const run = await shanzhi(['calendar', 'import', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('INVALID_CALENDAR');
    expect(run.stderr).toContain('days.0.date');
    expect(run.stderr).toContain('days.1.date');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('creates a user with the password from SHANZHI_NEW_PASSWORD who can then sign in', async () => {
    const ctx = await openContext(config());
    try {
      await insertOrg(ctx.db, { code: '150300', name: '乌海市', kind: 'city', parentId: null });
    } finally {
      await ctx.database.close();
    }

    const run = await shanzhi(
      ['user', 'create', '--username', 'ops', '--name', '运维', '--org', '150300', '--role', 'admin'],
      { SHANZHI_NEW_PASSWORD: 'Operator-Kite-93' },
    );
    expect(run.code, run.stderr).toBe(0);

    const after = await openContext(config());
    const { app } = await buildApp(after, { serveWeb: false });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'ops', password: 'Operator-Kite-93' },
      });
      expect(login.statusCode, login.body).toBe(200);
      expect(login.json().me).toMatchObject({ roles: ['admin'], org: { code: '150300' } });
    } finally {
      await app.close();
      await after.database.close();
    }
  });
});
