/**
 * The words of the extension's pages (the popup, the story manager): every string they show comes
 * from the catalogues (_locales/) through `uiText`, in the browser's interface language with
 * English as the fallback. A page's fixed labels name their message in a `data-message`
 * attribute; a new label is a catalogue entry (_locales/en/messages.json first) and that
 * attribute, or a `uiText` call.
 */
import browser from 'webextension-polyfill';
import { languageTag, type MessageKey, uiText, useLookup } from '../core/ui-text';

/** Reads the catalogues through the browser, then fills in the page's title, fixed labels and language. */
export function localizePage(titleKey: MessageKey): void {
  useLookup((key, ...substitutions) => browser.i18n.getMessage(key, substitutions));
  document.documentElement.lang = languageTag(uiText('locale'));
  document.title = uiText(titleKey);
  for (const element of document.querySelectorAll<HTMLElement>('[data-message]')) {
    element.textContent = uiText(element.dataset.message as MessageKey);
  }
}
