/**
 * The extension's one element in the page: a host with an open shadow root,
 * appended to <html> (outside <body>, so the page's own tree and
 * `body.textContent` stay as they were). The hover card lives in the shadow
 * root, where page CSS cannot reach it. The host's light-DOM children are the
 * entries of the element-free renderer's highlight list (see
 * highlight-list.ts), slotted into a visually hidden, labelled group.
 */
import { uiText } from '../core/ui-text';

export const UI_HOST_ATTRIBUTE = 'data-annotator-ui';

const HOST_CSS = `
:host { all: initial; }
/* Visually hidden, still focusable and read by screen readers. Off screen, content-visibility
   lets the browser skip styling and laying out thousands of entries until one has focus; strict
   containment keeps page CSS on the slotted entries (position: fixed, huge fonts) inside the box. */
.list {
  position: fixed; top: -10px; left: -10px; width: 1px; height: 1px; margin: 0; padding: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; contain: strict; content-visibility: auto;
}
/* Important shadow rules beat the page's, even its !important ones (mark { display: none !important }). */
::slotted(mark) { display: inline !important; visibility: visible !important; position: static !important; }
`;

export class UiHost {
  readonly element: HTMLElement;
  readonly shadow: ShadowRoot;

  constructor() {
    this.element = document.createElement('div');
    this.element.setAttribute(UI_HOST_ATTRIBUTE, '');
    this.shadow = this.element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = HOST_CSS;
    const list = document.createElement('div');
    list.className = 'list';
    list.setAttribute('role', 'group');
    list.setAttribute('aria-label', uiText('highlightListLabel'));
    list.append(document.createElement('slot'));
    this.shadow.append(style, list);
  }

  /** Puts the host in the page the first time something is shown (and again if the page removed it). */
  attach(): void {
    if (!this.element.isConnected) document.documentElement.append(this.element);
  }
}
