import fs from 'node:fs';
import path from 'node:path';

/** The mode of a folder the platform makes under its data directory: its owner only (rwx------). */
export const PRIVATE_DIR_MODE = 0o700;
/** The mode of a file the platform writes under its data directory: its owner only (rw-------). */
export const PRIVATE_FILE_MODE = 0o600;
/** The permission bits of the group and of everybody else. */
const GROUP_AND_OTHER = 0o077;

/** A mode with the group's and everybody else's permission bits taken away (the file type bits kept). */
export function ownerOnlyMode(mode: number): number {
  return mode & ~GROUP_AND_OTHER;
}

/** Creates a folder and its missing parents, each owner-only, as every folder under the data directory. */
export async function makePrivateDir(dir: string): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** `makePrivateDir`, synchronously: for what the platform does before it serves (opening the database). */
export function makePrivateDirSync(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Takes the group's and everybody else's rights off `root` and, when `recursive`, everything under it
 * (symbolic links are left alone, not followed); answers how many entries it changed. A missing `root` is
 * nothing to do.
 */
export function tightenTree(root: string, recursive = true): number {
  let changed = 0;
  const visit = (entry: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(entry);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & GROUP_AND_OTHER) !== 0) {
      fs.chmodSync(entry, ownerOnlyMode(stat.mode) & 0o7777);
      changed += 1;
    }
    if (recursive && stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    }
  };
  visit(root);
  return changed;
}
