import path from 'node:path';
import { tightenTree } from './private-files.js';

/**
 * What the platform keeps under `SHANZHI_DATA_DIR`, each in a folder of its own: the embedded database
 * (PGlite's cluster), the attachment store (case attachments and portal photos, by content hash) and the
 * generated secrets (the chain key).
 */
export const DATA_DIR_PARTS = ['pg', 'attachments', 'secrets'] as const;
export type DataDirPart = (typeof DATA_DIR_PARTS)[number];

/** The folder of one part of the data directory. */
export function dataDirPart(dataDir: string, part: DataDirPart): string {
  return path.join(dataDir, part);
}

/**
 * Makes the data directory private at start (finding 7 of the security review): the folder itself and
 * everything in the platform's own parts lose the group's and everybody else's rights, so that a directory
 * written by an older release (database files 0666) is 0700/0600 again. Only the platform's parts are
 * walked: whatever else an operator keeps beside them is not ours to change. Answers how many entries changed.
 */
export function secureDataDir(dataDir: string): number {
  let changed = tightenTree(dataDir, false);
  for (const part of DATA_DIR_PARTS) changed += tightenTree(dataDirPart(dataDir, part));
  return changed;
}
