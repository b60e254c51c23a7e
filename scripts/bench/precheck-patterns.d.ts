declare module 'virtual:precheck-patterns' {
  import type { PrecheckPatterns } from '../../src/core/precheck';

  const patterns: PrecheckPatterns;
  export default patterns;
}
