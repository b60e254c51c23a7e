/**
 * The manifest's content-script CSS styles the document only: inside a web
 * component's shadow root, highlights need the same rules adopted there.
 * Adopting a constructed sheet adds no element to the component.
 */
import highlightCss from './highlights.css?inline';

let sheet: CSSStyleSheet | undefined;

export function adoptHighlightStyles(root: ShadowRoot): void {
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(highlightCss);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
