/**
 * The Termlint extension: starts the bundled language server (IPC), registers the commands and the
 * status bar item. Everything about terms happens in the server.
 */
import * as vscode from 'vscode';
import { ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { TermReportPanels } from './reportPanel';
import { ProjectLanguagesNotification } from '../../server/src/protocol';
import { affectsSelector, documentSelector } from './selector';
import launch from './serverLaunch.json';
import { configurationMiddleware, resourceSettingKeys } from './settings';
import { FindingsStatus } from './statusBar';
import { TermsView } from './termsView';

/** What the extension gives other extensions (and its in-editor tests): the Terms view and the report panels. */
export interface TermlintApi {
  terms: TermsView;
  reports: TermReportPanels;
}

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, projectLanguages: readonly string[]): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // The client merges `env` into its own environment.
    run: { module, transport: TransportKind.ipc, options: { execArgv: launch.execArgv, env: launch.env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...launch.execArgv, '--nolazy', '--inspect=6011'], env: launch.env } },
  };
  let restartPolicy: ErrorHandler | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(projectLanguages),
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

export async function activate(context: vscode.ExtensionContext): Promise<TermlintApi> {
  const output = vscode.window.createOutputChannel('Termlint', { log: true });
  context.subscriptions.push(output);
  /** Languages only a termlint.config.json names: the server reports them, and they join the selector. */
  let projectLanguages: string[] = [];
  const status = new FindingsStatus(() => documentSelector(projectLanguages));
  const terms = new TermsView({ client: () => client!, selector: () => documentSelector(projectLanguages), output });
  const reports = new TermReportPanels({ client: () => client!, output });
  const start = async (): Promise<void> => {
    const created = createClient(context, output, projectLanguages);
    client = created;
    created.onNotification(ProjectLanguagesNotification, (p) => {
      const languages = [...p.languages].sort();
      // A client being replaced has nothing more to say; an unchanged list needs no new selector.
      if (client !== created || JSON.stringify(languages) === JSON.stringify(projectLanguages)) return;
      output.info(`Project configuration: checking ${languages.join(', ') || 'the configured languages'}; restarting with the new document selector`);
      projectLanguages = languages;
      restart().catch((err: unknown) => output.error(`Restarting Termlint failed: ${String(err)}`));
    });
    await created.start();
  };

  // Restarts run one after another: two at once would each start a client, and both would answer every request.
  let restarting: Promise<void> = Promise.resolve();
  const restart = (): Promise<void> => {
    restarting = restarting.then(async () => {
      // A new selector (languages, term files) needs a new client; a plain restart keeps the old one.
      const old = client;
      if (old) await old.dispose().catch((err: unknown) => output.error(`Stopping the old Termlint server failed: ${String(err)}`));
      await start();
      status.update();
    });
    return restarting;
  };

  context.subscriptions.push(
    status,
    terms,
    reports,
    ...registerCommands({ client: () => client!, output, restart, restarted: () => restarting, terms, reports }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSelector(e)) restart().catch((err: unknown) => output.error(`Restarting Termlint failed: ${String(err)}`));
      // Severities, fuzzy matching and term files change what the report counts.
      else if (e.affectsConfiguration('termlint')) terms.invalidate();
    }),
  );
  await start();
  return { terms, reports };
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}
