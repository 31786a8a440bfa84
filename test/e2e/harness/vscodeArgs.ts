// The part of VS Code's command line that @vscode/test-electron's runTests() produces:
//   [folder | file.code-workspace] --extensionDevelopmentPath=P... --extensionTestsPath=T
//   [--user-data-dir=U] [--extensions-dir=E] [--disable-extensions] [flags for Electron]

export interface TestLaunch {
  extensionDevelopmentPaths: string[];
  extensionTestsPath: string;
  userDataDir?: string;
  extensionsDir?: string;
  disableExtensions: boolean;
  /** Folders and .code-workspace files, in the order given. */
  positional: string[];
  /** Flags with no meaning here (--no-sandbox, --disable-gpu-sandbox, --skip-welcome, ...). */
  ignored: string[];
}

const VALUED = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir']);

export function parseTestLaunch(argv: readonly string[]): TestLaunch {
  const values = new Map<string, string[]>();
  const positional: string[] = [];
  const ignored: string[] = [];
  let disableExtensions = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (VALUED.has(name)) {
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) {
        throw new Error(`${arg} needs a value`);
      }
      values.set(name, [...(values.get(name) ?? []), value]);
    } else if (name === 'disable-extensions') {
      disableExtensions = true;
    } else {
      ignored.push(arg);
    }
  }
  const extensionDevelopmentPaths = values.get('extensionDevelopmentPath') ?? [];
  const extensionTestsPath = values.get('extensionTestsPath')?.[0];
  if (extensionDevelopmentPaths.length === 0 || extensionTestsPath === undefined) {
    throw new Error('need --extensionDevelopmentPath and --extensionTestsPath');
  }
  return {
    extensionDevelopmentPaths,
    extensionTestsPath,
    userDataDir: values.get('user-data-dir')?.[0],
    extensionsDir: values.get('extensions-dir')?.[0],
    disableExtensions,
    positional,
    ignored,
  };
}
