import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { REPO_ROOT } from '../platform/config/config.js';
import { TEST_CHAIN_KEY } from './chain-key.js';
import { TEST_DATA_KEY } from './data-key.js';

/** The real server running as a child process (`node apps/server/bin/shanzhi.js serve`), for crash tests. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  child: ChildProcess;
  /** resolves with the exit code or signal when the process ends */
  exited: Promise<number | NodeJS.Signals | null>;
  /** what it wrote to stderr (for a failing test's message) */
  stderr(): string;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address !== 'string' ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Starts the server on `databaseUrl` at `port` (loopback only, no demo seed, warnings only) and resolves
 * once `/readyz` answers 200; rejects if it exits or is not ready within `timeoutMs`.
 */
export async function startServerProcess(
  databaseUrl: string,
  port: number,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['apps/server/bin/shanzhi.js', 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SHANZHI_CHAIN_KEY: TEST_CHAIN_KEY,
      SHANZHI_DATA_KEY: TEST_DATA_KEY,
      PORT: String(port),
      HOST: '127.0.0.1',
      SHANZHI_AUTO_SEED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  while (Date.now() < deadline && !gone) {
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return { baseUrl, child, exited, stderr: () => stderr };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start on port ${port}: ${stderr}`);
}
