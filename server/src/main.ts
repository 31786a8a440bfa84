/**
 * Entry point of the language server. The transport comes from the command line: `--stdio`
 * (any LSP client) or `--node-ipc` (VS Code). Nothing is ever written to stdout but protocol.
 */
import { createConnection } from 'vscode-languageserver/node';
import { createNodeHost } from './node/host';
import { createGarbageBudget, createIdleCollector } from './node/memory';
import { configValidator } from './node/projectConfig';
import { startServer } from './server';
import { describeError } from './util';

const connection = createConnection();

// One failure must never take the server down: log it and keep serving.
process.on('uncaughtException', (err) => connection.console.error(`Uncaught exception: ${describeError(err)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${describeError(reason)}`));

let forgetLookups = () => {};
const collector = createIdleCollector(undefined, undefined, undefined, () => forgetLookups());
const server = startServer(connection, { host: createNodeHost(), configValidator, afterWork: () => collector.poke(), garbage: createGarbageBudget() });
forgetLookups = server.forgetLookups;
