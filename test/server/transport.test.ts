import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IPCMessageReader, IPCMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { ExitNotification, InitializeRequest, ShutdownRequest } from 'vscode-languageserver-protocol';
import { SERVER } from './lspClient';

// Read where it is: tsc copies no JSON from outside test/.
const launch = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../client/src/serverLaunch.json'), 'utf8')) as { execArgv: string[]; env: Record<string, string> };

describe('server transports', () => {
  it('speaks LSP over node IPC (--node-ipc), as VS Code starts it: with the launch flags and environment', async () => {
    // client/src/extension.ts starts it so; a flag this Node refused would stop the server before it answered.
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'], execArgv: launch.execArgv, env: { ...process.env, ...launch.env } });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const result = await Promise.race([
      connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} }),
      exited.then((code) => assert.fail(`the server exited (${code}) before it answered: ${stderr}`)),
    ]);
    assert.equal(result.serverInfo?.name, 'termlint');
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    connection.dispose();
    assert.equal(stdout, '', 'nothing but protocol, and over IPC not even that, on stdout');
    assert.doesNotMatch(stderr, /bad option|not allowed|warning/i);
  });
});
