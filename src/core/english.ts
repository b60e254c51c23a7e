/**
 * The English catalogue as a lookup, for what runs outside the browser: the build's English cards,
 * the tools and the tests. The extension's pages read the catalogues through `browser.i18n`.
 */
import catalogue from '../../_locales/en/messages.json' with { type: 'json' };
import { catalogueLookup } from './ui-text';

export const englishText = catalogueLookup(catalogue);
