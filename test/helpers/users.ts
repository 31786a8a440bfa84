/**
 * Running the CLI as someone permissions apply to. Root may write any file, so a test of a read-only file
 * run as root tests only Termlint's own mode check; run as `nobody` as well (when the tests run as root, as
 * in CI), the system's permissions are real too. Node's spawn sets the user and group and drops root's
 * supplementary groups.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RunAs {
  /** Shown in test titles. */
  name: string;
  uid?: number;
  gid?: number;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The users to run permission cases as: the current one, and `nobody` when the tests run as root. */
export function permissionUsers(): RunAs[] {
  const me: RunAs = { name: isRoot ? 'root (mode bits checked by Termlint)' : 'the current user' };
  return isRoot ? [me, { name: 'nobody (permissions enforced by the system)', uid: 65534, gid: 65534 }] : [me];
}

/** Hands `dir` and everything in it to `user` (a no-op for the current user). */
export function giveTo(dir: string, user: RunAs): void {
  if (user.uid === undefined) return;
  const walk = (p: string) => {
    fs.lchownSync(p, user.uid!, user.gid!);
    if (fs.lstatSync(p).isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
  // mkdtemp makes the folder 0700; the parent (the system's temporary folder) is open to everyone.
  fs.chmodSync(dir, 0o755);
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runAs(user: RunAs, command: string, args: string[], cwd: string): Run {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
    ...(user.uid !== undefined ? { uid: user.uid, gid: user.gid } : {}),
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
