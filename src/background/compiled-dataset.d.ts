/** The dataset compiled at build time (see `compiledDataset` in vite.config.ts). */
declare module 'virtual:compiled-dataset' {
  const compiled: import('../core/compiled-dataset').CompiledDataset;
  export default compiled;
}
