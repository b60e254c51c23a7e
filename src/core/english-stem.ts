/**
 * The suffix stripper for words of plain lower-case Latin letters (tokens.ts `stem`): light, and the
 * same on page words and dataset phrases, so inflections meet ("attended", "attending" → "attend").
 * A module of its own so that the pre-check can stem a word without the tokenizer's tables.
 */
/** "bas" (from "based") reads as "base": a stem is never shorter than four letters. */
function restoreE(stemmed: string): string {
  return stemmed.length < 4 && !/[aeiouy]$/.test(stemmed) ? `${stemmed}e` : stemmed;
}

/** The stem of a word of lower-case letters a–z. */
export function englishStem(word: string): string {
  if (word.length <= 3) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ing') && w.length > 5) w = restoreE(w.slice(0, -3));
  else if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = restoreE(w.slice(0, -2));
  else if (w.endsWith('es') && w.length > 4 && /(ss|x|ch|sh|z)es$/.test(w)) w = w.slice(0, -2);
  // "-ics" nouns keep their s: "Olympics" is not the adjective "Olympic".
  else if (w.endsWith('s') && !/(ss|us|is|ics)$/.test(w)) w = w.slice(0, -1);
  const last = w.charCodeAt(w.length - 1);
  if (w.length > 4 && last === w.charCodeAt(w.length - 2) && last !== 108 && last !== 115 && last !== 122)
    w = w.slice(0, -1);
  // Never shorter than four letters: "noted" must not become "not", nor "used" "us".
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
