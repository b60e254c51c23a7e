/** wink's model data as files of the extension (see scripts/wink-model-files.ts). */
declare module 'virtual:wink-model-files' {
  /** Each JSON file of the model, and the empty object or array its modules required in its place. */
  export const winkModelFiles: readonly { file: string; into: Record<string, unknown> | unknown[] }[];
}
