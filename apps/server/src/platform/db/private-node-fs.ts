import { NodeFS } from '@electric-sql/pglite/nodefs';
import { ownerOnlyMode } from '../files/private-files.js';

/** PGlite's options for its Emscripten module, as a file system's `init` takes and returns them. */
type EmscriptenOpts = Parameters<NodeFS['init']>[1];
/** A function run on the module before PostgreSQL starts. */
type PreRun = NonNullable<EmscriptenOpts['preRun']>[number];

/** The parts of Emscripten's NODEFS that set a file's mode on the host. */
interface NodeFsOps {
  node_ops: {
    mknod(parent: unknown, name: string, mode: number, dev: number): unknown;
    setattr(node: unknown, attr: { mode?: number }): void;
  };
  stream_ops: { setattr(stream: unknown, attr: { mode?: number }): void };
}

/** An attribute change with the mode (if any) made owner-only. */
function ownerOnlyAttr<T extends { mode?: number }>(attr: T): T {
  return attr.mode === undefined ? attr : { ...attr, mode: ownerOnlyMode(attr.mode) };
}

/**
 * Makes every mode this Emscripten NODEFS gives a host file owner-only. PGlite unpacks its freshly made
 * cluster with the modes of the archive (0666) and PostgreSQL inside WebAssembly creates files under its
 * own umask, both by an explicit chmod that the process umask does not reach; so the modes are narrowed
 * where they meet the host file system. Patched in place: every node of the mount shares these ops.
 */
function keepOwnerOnly(nodefs: NodeFsOps): void {
  const { node_ops: nodeOps, stream_ops: streamOps } = nodefs;
  const mknod = nodeOps.mknod;
  const setattr = nodeOps.setattr;
  const streamSetattr = streamOps.setattr;
  nodeOps.mknod = (parent, name, mode, dev) => mknod(parent, name, ownerOnlyMode(mode), dev);
  nodeOps.setattr = (node, attr) => setattr(node, ownerOnlyAttr(attr));
  streamOps.setattr = (stream, attr) => streamSetattr(stream, ownerOnlyAttr(attr));
}

/**
 * PGlite's Node file system, except that nothing it writes is readable or writable by the group or anyone
 * else: folders 0700, files 0600 (finding 7 of the security review). Used for every on-disk embedded database.
 */
export class PrivateNodeFS extends NodeFS {
  /** PGlite's own mount, then the owner-only modes on its NODEFS (before PostgreSQL runs). */
  override async init(...args: Parameters<NodeFS['init']>) {
    const { emscriptenOpts } = await super.init(...args);
    const ownerOnly: PreRun = (mod) => keepOwnerOnly(mod.NODEFS as unknown as NodeFsOps);
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), ownerOnly] } };
  }
}
