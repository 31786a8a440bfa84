/**
 * Walking a folder for files, shared by the CLI (folders and globs) and the language server's workspace lint
 * and term-file scan. Symbolic links are followed, to folders and to files, but each real folder is read once
 * (found by device and inode, so a link loop, a link to a parent or two links to one folder are read once)
 * and each real file is listed once: under a path that goes through no link when there is one, else under
 * the first path in sorted order. A folder reached only through a link is read after every folder reachable
 * without one, so a link never claims files that also have a real path.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface WalkOptions {
  /** Whether a file is wanted, by its path relative to the root ('/'-separated). */
  wanted(rel: string): boolean;
  /** Whether a folder is left out with everything under it (`rel` relative to the root, `name` its own name). */
  skipFolder?(rel: string, name: string): boolean;
  /** Deepest level of folders to read: 0 reads only the root's own entries. Default: no limit. */
  maxDepth?: number;
  /**
   * A folder that cannot be read, or a wanted name that is a link to nothing (or to itself). Not called for
   * the root: `walk` rejects when the root itself cannot be read.
   */
  onError?(where: string, error: NodeJS.ErrnoException, what: WalkError): void;
}

/** What could not be read: a folder, a file, or a link (to nothing, or to itself) named like a wanted file. */
export type WalkError = 'folder' | 'file' | 'link';

export interface WalkedFile {
  /** Absolute path, as reached (it may go through links). */
  path: string;
  /** Device and inode: one per real file, whatever path and link it was reached by. */
  id: string;
  /** The path goes through a symbolic link. */
  viaLink: boolean;
}

interface PendingFolder {
  dir: string;
  rel: string;
  depth: number;
  viaLink: boolean;
  id: string;
}

/** Device and inode of a stat, the identity of a file or folder. */
export function fileId(st: fs.BigIntStats): string {
  return `${st.dev}:${st.ino}`;
}

const statBig = (p: string) => fs.promises.stat(p, { bigint: true });

/** Every wanted file under `root`, each real file once (see the module comment), sorted by path. */
export async function walk(root: string, options: WalkOptions): Promise<WalkedFile[]> {
  const maxDepth = options.maxDepth ?? Infinity;
  const rootStat = await statBig(root);
  if (!rootStat.isDirectory()) throw Object.assign(new Error(`not a folder: ${root}`), { code: 'ENOTDIR' });
  const seenFolders = new Set<string>();
  const found: WalkedFile[] = [];
  // Folders reached without a link come first (a stack: depth first); those behind a link wait in a queue.
  // A root reached through a link ("termlint mirror/" for mirror -> docs) lists its files as reached via one.
  const rootViaLink = (await fs.promises.realpath(root).catch(() => root)) !== path.resolve(root);
  const real: PendingFolder[] = [{ dir: root, rel: '', depth: 0, viaLink: rootViaLink, id: fileId(rootStat) }];
  const linked: PendingFolder[] = [];
  const fail = (where: string, e: unknown, what: WalkError) => options.onError?.(where, e as NodeJS.ErrnoException, what);

  while (real.length > 0 || linked.length > 0) {
    const folder = real.pop() ?? linked.shift()!;
    if (seenFolders.has(folder.id)) continue;
    seenFolders.add(folder.id);
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(folder.dir, { withFileTypes: true });
    } catch (e) {
      fail(folder.dir, e, 'folder');
      continue;
    }
    // In name order, so that which path a file is listed under never depends on the order the system lists them.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: PendingFolder[] = [];
    for (const entry of entries) {
      const rel = folder.rel ? `${folder.rel}/${entry.name}` : entry.name;
      const full = path.join(folder.dir, entry.name);
      const isLink = entry.isSymbolicLink();
      let kind: 'folder' | 'file' | 'other' = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      let st: fs.BigIntStats | undefined;
      if (isLink) {
        try {
          st = await statBig(full);
        } catch (e) {
          // A dangling link (or a loop of links) named like a wanted file is a file that cannot be read.
          if (options.wanted(rel)) fail(full, e, 'link');
          continue;
        }
        kind = st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
      }
      if (kind === 'folder') {
        if (folder.depth >= maxDepth || options.skipFolder?.(rel, entry.name)) continue;
        try {
          st ??= await statBig(full);
        } catch (e) {
          fail(full, e, 'folder');
          continue;
        }
        const sub = { dir: full, rel, depth: folder.depth + 1, viaLink: folder.viaLink || isLink, id: fileId(st) };
        if (isLink) linked.push(sub);
        else subfolders.push(sub);
      } else if (kind === 'file' && options.wanted(rel)) {
        try {
          st ??= await statBig(full);
        } catch (e) {
          fail(full, e, 'file');
          continue;
        }
        found.push({ path: full, id: fileId(st), viaLink: folder.viaLink || isLink });
      }
    }
    for (let i = subfolders.length - 1; i >= 0; i--) real.push(subfolders[i]!);
  }
  return uniqueFiles(found);
}

/**
 * One entry per real file: the one reached without a link if there is one, else the first path in sorted
 * order; the result sorted by path.
 */
export function uniqueFiles(files: readonly WalkedFile[]): WalkedFile[] {
  const best = new Map<string, WalkedFile>();
  for (const f of files) {
    const b = best.get(f.id);
    if (!b || (b.viaLink && !f.viaLink) || (b.viaLink === f.viaLink && f.path < b.path)) best.set(f.id, f);
  }
  return [...best.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
