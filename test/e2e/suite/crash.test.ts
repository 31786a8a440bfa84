import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitUntil } from '../harness/wait';
import { DRAFT, EXPECTED } from './draft';
import {
  EXTENSION_ID, applyCodeAction, closeAllEditors, codeActions, diagnosticFor, diagnosticsWhere, hoverText, kindOf,
  openDraft, readWorkspaceFile,
} from './editor';

const RESTART_TIMEOUT_MS = 30_000;

/**
 * Live processes started by this extension host (the tests run in it) whose command line runs
 * `module`. `ps` rather than /proc, so the test also runs against a desktop VS Code on macOS.
 */
function childrenRunning(module: string): number[] {
  const table = execFileSync('ps', ['-ww', '-A', '-o', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  return table.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!match || Number(match[2]) !== process.pid || match[3].startsWith('Z') || !match[4].includes(module)) {
      return [];
    }
    return [Number(match[1])];
  });
}

/** The one language server process of this extension host, once there is exactly one that is not `old`. */
function serverProcess(module: string, what: string, old?: number): Promise<number> {
  let seen: number[] = [];
  return waitUntil(what, () => {
    seen = childrenRunning(module);
    return seen.length === 1 && seen[0] !== old ? seen[0] : undefined;
  }, { timeoutMs: RESTART_TIMEOUT_MS }).catch((error: Error) => {
    throw new Error(`${error.message}; server processes: [${seen.join(', ')}]`);
  });
}

describe('a crashed language server', () => {
  let module = '';

  // Whatever happened here, the suites after this one need a running server.
  after(async () => {
    if (module && childrenRunning(module).length === 0) {
      await vscode.commands.executeCommand('termlint.restartServer');
    }
  });
  after(closeAllEditors);

  it('is restarted, and lints the unsaved text of the open draft again', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    module = path.join(extension.extensionPath, 'dist', 'server.js');

    const text = await readWorkspaceFile(DRAFT);
    const editor = await openDraft('crash.md', text);
    const { document } = editor;
    await diagnosticsWhere(document, 'all findings', (d) => d.length === EXPECTED.length);
    const crashed = await serverProcess(module, 'the language server process');

    // Typed, not saved, and killed before the old server is known to have seen it: what comes back
    // can only come from the editor's copy of the draft.
    const added = '\nThe new ferry to Macau leaves at dawn.\n';
    assert.ok(await editor.edit((edit) => edit.insert(document.positionAt(text.length), added)));
    process.kill(crashed, 'SIGKILL');

    // The client clears its diagnostics before it starts the new server, so from here on every
    // diagnostic of the draft is the new server's.
    const restarted = await serverProcess(module, 'a new language server process', crashed);
    assert.notEqual(restarted, crashed);

    const forbidden = await diagnosticFor(document, 'forbidden', 'Macau', text.length);
    const all = await diagnosticsWhere(document, 'all findings and the typed one',
      (d) => d.length === EXPECTED.length + 1);
    assert.deepEqual(all.map(kindOf).sort(), [...EXPECTED.map((e) => e.kind), 'forbidden'].sort());

    assert.equal(document.isDirty, true, 'the typed edit was lost');
    assert.equal(document.getText(), text + added);

    // Hovers are computed from the server's own copy of the text, which must be the edited one.
    const hover = await hoverText(document.uri, forbidden.range.start.translate(0, 2), (t) => t.includes('Macao'));
    assert.ok(hover.includes('Macau'), `the forbidden form is not in the hover: ${hover}`);

    // The new server's document version is the editor's: its versioned fix applies.
    const actions = await codeActions(document.uri, forbidden.range, vscode.CodeActionKind.QuickFix,
      (found) => found.some((a) => a.isPreferred));
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, `one preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
    await applyCodeAction(preferred[0]);
    assert.equal(document.getText(), text + added.replace('Macau', 'Macao'));
    await diagnosticsWhere(document, 'the typed finding to go', (d) => d.length === EXPECTED.length
      && !d.some((x) => x.range.start.isEqual(forbidden.range.start)));
    assert.deepEqual(childrenRunning(module), [restarted], 'the restarted server is not the only one');
  });
});
