// Type-aware lint for the TypeScript sources: above all, no promise is ever dropped on the floor; and the house's
// boundaries (docs/architecture.md): the core imports only the core and npm packages, and no module imports
// itself back through others.
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** What the pure engine must never import: the editor, the LSP libraries, the file system and processes. */
const HOST_MODULES = ['vscode', 'vscode-languageclient', 'vscode-languageserver', 'vscode-jsonrpc', 'fs', 'path', 'child_process', 'os', 'worker_threads'];

/** How import-x finds and reads the modules an import names (TypeScript sources, resolved like Node with .ts). */
const IMPORT_SETTINGS = {
  'import-x/extensions': ['.ts'],
  'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
  'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
};

/**
 * The engine's keystroke path: no loop inside a callback handed to an array method. Such a callback is a new closure at
 * each call; once a garbage collection has dropped the code V8 optimized for the last one (its feedback holds that
 * code weakly), the next call's loop runs unoptimized until it is compiled again, on the second core, at every rerun
 * of a check (1,500 keystrokes: 46 such compiles, 0.4 s of compiler time, before plain loops replaced them).
 */
const KEYSTROKE_PATH = ['consistency', 'matching', 'formats', 'translation', 'languages'].map((d) => `server/src/core/${d}/**/*.ts`).concat(['server/src/core/document.ts', 'server/src/core/lint.ts']);
const LOOP_IN_CALLBACK =
  'CallExpression[callee.property.name=/^(forEach|map|filter|some|every|reduce|find|findIndex|flatMap)$/] > :matches(ArrowFunctionExpression, FunctionExpression) :matches(ForStatement, ForOfStatement, ForInStatement, WhileStatement, DoWhileStatement)';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/results/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: IMPORT_SETTINGS,
    rules: {
      // Type-only imports tie modules together as much as value imports do: they count.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: IMPORT_SETTINGS,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: [{ target: './server/src/core', from: './server/src', except: ['./core'], message: 'The core imports only the core and npm packages.' }] },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: HOST_MODULES.flatMap((name) => [name, `node:${name}`]).map((name) => ({ name, message: 'The core is pure: no editor, LSP, file system or process modules (adapters live in server/src).' })),
          patterns: [{ group: ['vscode-languageserver*', 'vscode-languageclient*'], message: 'The core knows nothing of LSP.' }],
        },
      ],
    },
  },
  {
    files: KEYSTROKE_PATH,
    rules: {
      'no-restricted-syntax': ['error', { selector: LOOP_IN_CALLBACK, message: 'A loop in a callback made at each call is optimized anew after each collection: write the loop in the function itself.' }],
    },
  },
);
