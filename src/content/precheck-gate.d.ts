/** The pre-check's gate, derived from the packs compiled at build time (see `compiledDataset` in vite.config.ts). */
declare module 'virtual:precheck-gate' {
  /** What the first look needs. */
  export const look: import('../core/precheck').FirstLook;
  /** The rest of the gate as JSON (its `look` empty: it is `look`), parsed only where a page gets past the first look. */
  export const gateSource: string;
  /** The gate's characters, for the extension's pages to build the gate of followed stories with. */
  export const characters: import('../core/precheck-gate').GateCharacters;
  /** The build these came from (a gate stored for another build is not used). */
  export const buildId: string;
}
