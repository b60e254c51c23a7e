/**
 * Character-level normalisation with an exact map back to the raw text.
 *
 * Every output character remembers the raw span it came from, so a match in
 * the normalised text maps back to page offsets without drift, whatever was
 * dropped (soft hyphens, zero-width characters), merged (runs of spaces) or
 * expanded (NFKC ligatures).
 */

/** Block boundary: the text index puts one between blocks, the normaliser turns it into "\n". */
export const BLOCK_SEPARATOR = '\u2029';

export interface NormalizedText {
  /** Normalised text, case kept (for case-sensitive names and sentence starts). */
  readonly text: string;
  /** The same text lower-cased, character for character (ё read as е). */
  readonly lower: string;
  /** For output index i: the raw span [rawStart[i], rawEnd[i]) it came from. */
  readonly rawStart: Int32Array;
  readonly rawEnd: Int32Array;
}

const DROPPED = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x034f, 0x180e]);
const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x0060, 0x00b4, 0x02bc, 0xff07]);
// «ёлочки», „German“ quotes, and the corner brackets of Chinese text (「」『』) all read as plain double quotes.
const DOUBLE_QUOTES = new Set([
  0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb, 0x2039, 0x203a, 0xff02, 0x300c, 0x300d, 0x300e, 0x300f,
]);
/** Ё and ё: Russian pages write ё or е for the same letter, so the lower-case text has е for both. */
const YO = new Set([0x0401, 0x0451]);
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isCombiningMark(code: number): boolean {
  return (code >= 0x0300 && code <= 0x036f) || (code >= 0x1ab0 && code <= 0x1aff) || (code >= 0x20d0 && code <= 0x20ff);
}

/** Printable ASCII words with single spaces between them: all plain. */
const ASCII_RUN = /[!-~]+(?: [!-~]+)*/y;

/** 1: the character passes through NFKC and our unification unchanged; 2: it does not. */
const plainCache = new Uint8Array(0x10000);

/** A character normalisation leaves alone: printable ASCII, or a BMP character NFKC keeps as it is. */
function isPlain(code: number): boolean {
  if (code > 0x20 && code < 0x7f) return true;
  if (code < 0xa0 || (code >= 0xd800 && code <= 0xdfff)) return false;
  let known = plainCache[code]!;
  if (known === 0) {
    const ch = String.fromCharCode(code);
    const special =
      DROPPED.has(code) ||
      SINGLE_QUOTES.has(code) ||
      DOUBLE_QUOTES.has(code) ||
      DASHES.has(code) ||
      isSpace(code) ||
      code === 0x2029 ||
      YO.has(code) ||
      isCombiningMark(code);
    known = !special && ch.normalize('NFKC') === ch ? 1 : 2;
    plainCache[code] = known;
  }
  return known === 1;
}

export function normalizeText(raw: string): NormalizedText {
  const n = raw.length;
  const out: string[] = [];
  const lowerOut: string[] = [];
  // Output is rarely longer than the input; grow only if NFKC expands a lot.
  let rawStart = new Int32Array(n + 16);
  let rawEnd = new Int32Array(n + 16);
  let length = 0;

  // Code of the last character written: collapsing spaces needs it.
  let last = 0x0a;
  const grow = () => {
    const grownStart = new Int32Array(rawStart.length * 2);
    const grownEnd = new Int32Array(rawStart.length * 2);
    grownStart.set(rawStart);
    grownEnd.set(rawEnd);
    rawStart = grownStart;
    rawEnd = grownEnd;
  };
  const push = (ch: string, lowerCh: string, start: number, end: number) => {
    if (length === rawStart.length) grow();
    out.push(ch);
    lowerOut.push(lowerCh);
    rawStart[length] = start;
    rawEnd[length] = end;
    last = ch.charCodeAt(0);
    length++;
  };

  /** Copies a run that needs no change; false if lower-casing would change its length (then go char by char). */
  const pushRun = (run: string, start: number): boolean => {
    const lowerRun = run.toLowerCase();
    if (lowerRun.length !== run.length) return false;
    while (length + run.length > rawStart.length) grow();
    out.push(run);
    lowerOut.push(lowerRun);
    // Locals: the closure's variables are not kept in registers across the loop.
    const starts = rawStart;
    const ends = rawEnd;
    const offset = start - length;
    const to = length + run.length;
    for (let k = length; k < to; k++) starts[k] = k + offset;
    // Within a run each character ends where the next starts.
    ends.set(starts.subarray(length + 1, to), length);
    ends[to - 1] = to + offset;
    length = to;
    last = run.charCodeAt(run.length - 1);
    return true;
  };

  let i = 0;
  while (i < n) {
    const code = raw.charCodeAt(i);
    if (isPlain(code) && !isCombiningMark(raw.charCodeAt(i + 1))) {
      // Fast path: a run of characters that need no change (single spaces included) is copied as one slice.
      let end = i + 1;
      if (code < 0x7f) {
        // Its printable ASCII words skipped by a regular expression (native code even before the JIT has warmed up);
        // the loop goes on from their last character, which a combining mark may still take out of the run.
        ASCII_RUN.lastIndex = i;
        ASCII_RUN.test(raw);
        end = ASCII_RUN.lastIndex - 1;
      }
      while (end < n) {
        const next = raw.charCodeAt(end);
        if (next === 0x20 ? raw.charCodeAt(end - 1) === 0x20 : !isPlain(next)) break;
        if (isCombiningMark(raw.charCodeAt(end + 1))) break;
        end++;
      }
      if (raw.charCodeAt(end - 1) === 0x20 && end - 1 > i) end--; // a trailing space goes through the collapsing path
      if (pushRun(raw.slice(i, end), i)) {
        i = end;
        continue;
      }
    }
    if (code === 0x2029 || isSpace(code)) {
      const boundary = code === 0x2029;
      if (last === 0x20 || last === 0x0a) {
        // Collapse runs; a block boundary wins over a plain space.
        if (boundary && last === 0x20) {
          out[out.length - 1] = '\n';
          lowerOut[lowerOut.length - 1] = '\n';
          last = 0x0a;
        }
        if (length > 0) rawEnd[length - 1] = i + 1;
      } else {
        push(boundary ? '\n' : ' ', boundary ? '\n' : ' ', i, i + 1);
      }
      i++;
      continue;
    }
    if (code < 0x20 || DROPPED.has(code)) {
      i++;
      continue;
    }
    if (SINGLE_QUOTES.has(code)) {
      push("'", "'", i, i + 1);
      i++;
      continue;
    }
    if (DOUBLE_QUOTES.has(code)) {
      push('"', '"', i, i + 1);
      i++;
      continue;
    }
    if (DASHES.has(code)) {
      push('-', '-', i, i + 1);
      i++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      // Astral characters (emoji, rare scripts) pass through untouched.
      const pair = raw.slice(i, i + 2);
      push(pair[0]!, pair[0]!, i, i + 2);
      push(pair[1]!, pair[1]!, i, i + 2);
      i += 2;
      continue;
    }
    let end = i + 1;
    while (end < n && isCombiningMark(raw.charCodeAt(end))) end++;
    const folded = raw.slice(i, end).normalize('NFKC');
    for (let k = 0; k < folded.length; k++) {
      const ch = folded[k]!;
      const lowerCh = ch.toLowerCase();
      push(ch, lowerCh === 'ё' ? 'е' : lowerCh.length === 1 ? lowerCh : ch, i, end);
    }
    i = end;
  }

  return {
    text: out.join(''),
    lower: lowerOut.join(''),
    rawStart: rawStart.subarray(0, length),
    rawEnd: rawEnd.subarray(0, length),
  };
}

/** Maps a span of normalised text back to the raw text it came from. */
export function toRawSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  return [norm.rawStart[start]!, norm.rawEnd[end - 1]!];
}
