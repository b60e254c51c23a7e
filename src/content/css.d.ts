/** Vite's `?inline` CSS imports: the file's text. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
