/** What the server needs from its environment, injected so features never touch the file system directly. */
export interface Host {
  /** Text of the file at `uri`, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /** Size in bytes of the file at `uri`, or undefined when it does not exist. */
  fileSize(uri: string): Promise<number | undefined>;
  /**
   * URIs of the files under `folderUri` matching any of `include` and none of `exclude`
   * (globs relative to the folder; dot folders such as `.vscode` included, `node_modules` never).
   */
  findFiles(folderUri: string, include: readonly string[], exclude: readonly string[]): Promise<string[]>;
  /** Names of the files in the folder `folderUri` (not its subfolders), or undefined when it cannot be read. */
  readDirectory(folderUri: string): Promise<string[] | undefined>;
  /** URIs of the term files shipped with Termlint. */
  bundledTermFiles(): Promise<string[]>;
}
