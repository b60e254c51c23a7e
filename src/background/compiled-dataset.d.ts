/** The dataset compiled at build time (see `compiledDataset` in vite.config.ts). */
declare module 'virtual:compiled-dataset' {
  const compiled: import('../core/compiled-dataset').CompiledDataset;
  export default compiled;
  /** Names this build's shipped packs: a compiled copy with followed stories is valid for one build. */
  export const buildId: string;
}

/** The shipped packs as the build read them (see `compiledDataset` in vite.config.ts). */
declare module 'virtual:shipped-packs' {
  /** The shipped packs and the lexicon as JSON (`{ dataset, lexicon }`): compiled again with followed stories. */
  export const shippedSource: string;
}
