/** The part of js-yaml (4.x, no bundled types) the tests use: reading the workflow and hook definitions. */
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
