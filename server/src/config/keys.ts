/**
 * What a project configuration file is called and which of its keys do what. Its keys are the `termlint.*`
 * settings without the prefix (termlint.config.schema.json lists them; `npm run manifest` copies the ones named
 * here into its `overrides` and a test holds every resource setting of package.json to a key there), so a new
 * setting is a new key: one property in the schema, and the line in `Settings.from` it needs anyway.
 */

/** The project configuration file, at the project's root. */
export const CONFIG_FILE_NAME = 'termlint.config.json';

/**
 * The keys an `overrides` entry may set: what can differ from file to file (a folder of Traditional drafts sets
 * its `language`). The term lists, the language ids and the excludes are the project's own, so every file is
 * checked against the same lists.
 */
export const OVERRIDE_KEYS = ['enable', 'severity', 'fuzzy', 'consistency', 'variants', 'abbreviations', 'maxFileSize', 'language'] as const;

/** Keys whose values are paths or globs relative to the configuration file's folder. */
export const PATH_KEYS = ['termFiles', 'exclude', 'workspaceTermFile'] as const;
