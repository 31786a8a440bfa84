/** The Node implementation of the server's `Host`: file system, globbing, the shipped term lists. */
import { promises as fs } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { Host } from '../host';
import { bundledTermFiles } from './termFiles';
import { type WalkedFile, walk } from './walk';

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export function createNodeHost(): Host {
  return {
    async readFile(uri) {
      const p = toPath(uri);
      if (!p) return undefined;
      try {
        return await fs.readFile(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    async fileSize(uri) {
      const p = toPath(uri);
      if (!p) return undefined;
      try {
        const st = await fs.stat(p);
        return st.isFile() ? st.size : undefined;
      } catch {
        return undefined;
      }
    },
    async findFiles(folderUri, include, exclude) {
      const root = toPath(folderUri);
      if (!root || include.length === 0) return [];
      const wanted = picomatch([...include], { dot: true });
      const unwanted = exclude.length ? picomatch([...exclude], { dot: true }) : () => false;
      // Links are followed, each real folder read once (node/walk.ts); node_modules, .git and excluded folders
      // are pruned before descending. A folder that cannot be read is left out, as a search would.
      let found: WalkedFile[];
      try {
        found = await walk(root, {
          wanted: (rel) => wanted(rel) && !unwanted(rel),
          skipFolder: (rel, name) => SKIPPED_DIRS.has(name) || unwanted(rel) || unwanted(`${rel}/`),
        });
      } catch {
        return [];
      }
      return found.map((f) => pathToFileURL(f.path).href);
    },
    async readDirectory(folderUri) {
      const p = toPath(folderUri);
      if (!p) return undefined;
      try {
        return (await fs.readdir(p, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
      } catch {
        return undefined;
      }
    },
    async bundledTermFiles() {
      // Located the same way as the CLI's (terms/ next to dist/, or above out/).
      return bundledTermFiles().map((f) => pathToFileURL(f).href);
    },
  };
}
