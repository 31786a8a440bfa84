import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { IPCMessageReader, IPCMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { ExitNotification, InitializeRequest, ShutdownRequest } from 'vscode-languageserver-protocol';
import { SERVER } from './lspClient';

describe('server transports', () => {
  it('speaks LSP over node IPC (--node-ipc), as VS Code starts it', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(result.serverInfo?.name, 'termlint');
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    connection.dispose();
    assert.equal(stdout, '', 'nothing but protocol, and over IPC not even that, on stdout');
  });
});
