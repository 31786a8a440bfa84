/** The Node implementation of the server's `Host`: file system, globbing, the shipped term lists. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { Host } from '../host';
import { bundledTermFiles } from './termFiles';

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
      const out: string[] = [];
      // A plain walk (no glob library): prunes node_modules/.git and excluded folders before descending.
      const walk = async (dir: string, rel: string): Promise<void> => {
        let entries: import('node:fs').Dirent[];
        try {
          entries = await fs.readdir(dir, { withFileTypes: true });
        } catch {
          return;
        }
        for (const e of entries) {
          const r = rel ? `${rel}/${e.name}` : e.name;
          if (e.isDirectory()) {
            if (SKIPPED_DIRS.has(e.name) || unwanted(r) || unwanted(`${r}/`)) continue;
            await walk(path.join(dir, e.name), r);
          } else if (e.isFile() && wanted(r) && !unwanted(r)) {
            out.push(path.join(dir, e.name));
          }
        }
      };
      await walk(root, '');
      return out.sort().map((f) => pathToFileURL(f).href);
    },
    async bundledTermFiles() {
      // Located the same way as the CLI's (terms/ next to dist/, or above out/).
      return bundledTermFiles().map((f) => pathToFileURL(f).href);
    },
  };
}
