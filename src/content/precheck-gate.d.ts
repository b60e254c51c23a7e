/** The pre-check's gate, derived from the packs compiled at build time (see `compiledDataset` in vite.config.ts). */
declare module 'virtual:precheck-gate' {
  const gate: import('../core/precheck').Gate;
  export default gate;
}
