/** The dataset compiled at build time (see `compiledDataset` in vite.config.ts). */
declare module 'virtual:compiled-dataset' {
  const compiled: import('../core/compiled-dataset').CompiledDataset;
  export default compiled;
  /** Names this build's shipped packs: a compiled copy with followed stories is valid for one build. */
  export const buildId: string;
}

/** The shipped packs' matcher alone, as the build compiled it: followed stories are compiled beside it. */
declare module 'virtual:compiled-dataset/matcher' {
  const matcher: import('../core/matcher-data').MatcherData;
  export default matcher;
}

/** The shipped packs as the build read them (see `compiledDataset` in vite.config.ts). */
declare module 'virtual:shipped-packs' {
  /** The shipped packs and the lexicon as JSON (`{ dataset, lexicon }`): followed stories are checked and compiled with them. */
  export const shippedSource: string;
  /** The same as `virtual:compiled-dataset`'s. */
  export const buildId: string;
}
