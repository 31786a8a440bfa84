/**
 * The Termlint extension: starts the bundled language server (IPC), registers the commands and the
 * status bar item. Everything about terms happens in the server.
 */
import * as vscode from 'vscode';
import { ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { affectsSelector, documentSelector } from './selector';
import launch from './serverLaunch.json';
import { configurationMiddleware, resourceSettingKeys } from './settings';
import { FindingsStatus } from './statusBar';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // The client merges `env` into its own environment.
    run: { module, transport: TransportKind.ipc, options: { execArgv: launch.execArgv, env: launch.env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...launch.execArgv, '--nolazy', '--inspect=6011'], env: launch.env } },
  };
  let restartPolicy: ErrorHandler | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    // After a crash, a message sent while the user types fails to write (EPIPE), and the default handler
    // answers a write error with "shut down", which skips the restart. Keep going on errors and let the
    // default policy decide when the connection closes: it restarts the server (up to 4 times in 3
    // minutes); documents stay open in the editor and are re-sent to the new server, so no edit is lost.
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => restartPolicy!.closed(),
    },
    diagnosticPullOptions: { onChange: true, onSave: true },
    middleware: { workspace: configurationMiddleware(resourceSettingKeys(context.extension.packageJSON)) },
  };
  // The id makes `termlint.trace.server` control protocol tracing.
  const created = new LanguageClient('termlint', 'Termlint', serverOptions, clientOptions);
  restartPolicy = created.createDefaultErrorHandler();
  return created;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Termlint', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);
  const status = new FindingsStatus(() => documentSelector());

  const restart = async () => {
    // A new selector (languages, term files) needs a new client; a plain restart keeps the old one.
    const old = client;
    client = createClient(context, output);
    if (old) await old.dispose().catch((err: unknown) => output.error(`Stopping the old Termlint server failed: ${String(err)}`));
    await client.start();
    status.update();
  };

  context.subscriptions.push(
    status,
    ...registerCommands({ client: () => client!, output, restart }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSelector(e)) restart().catch((err: unknown) => output.error(`Restarting Termlint failed: ${String(err)}`));
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}
