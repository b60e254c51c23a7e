import { describe, expect, it, vi } from 'vitest';
import type { Story } from '../core/dataset';
import {
  FOLLOWED_COMPILED_KEY,
  FOLLOWED_GATE_CLAUSES_KEY,
  FOLLOWED_GATE_KEY,
  FOLLOWED_KEY,
  type FollowedCompiledItems,
  type FollowedStore,
} from '../core/followed';

vi.mock('virtual:shipped-packs', () => ({ buildId: 'this-build' }));
vi.mock('webextension-polyfill', () => ({ default: {} }));
vi.mock('./compile', () => ({ compileFollowed: vi.fn(), shippedPacks: vi.fn() }));

const { compileIfStale } = await import('./store');

/** storage.local in memory: what compileIfStale reads and writes. */
function memoryStorage(items: Record<string, unknown>) {
  return {
    items,
    async get(keys: string | string[]) {
      return Object.fromEntries([keys].flat().flatMap((key) => (key in items ? [[key, items[key]]] : [])));
    },
    async set(values: Record<string, unknown>) {
      Object.assign(items, values);
    },
  };
}

/** What a compile of this revision stores (its content does not matter here). */
function compiledFor({ revision }: FollowedStore): FollowedCompiledItems {
  return {
    [FOLLOWED_COMPILED_KEY]: { build: 'this-build', revision, compiled: {} },
    [FOLLOWED_GATE_KEY]: { build: 'this-build', revision, look: {} },
    [FOLLOWED_GATE_CLAUSES_KEY]: { build: 'this-build', revision, clauses: {} },
  } as unknown as FollowedCompiledItems;
}

const story = { id: 'a-followed-story' } as Story;

describe('compileIfStale', () => {
  it('stores the compile of stories whose copy was made by another build', async () => {
    const storage = memoryStorage({
      [FOLLOWED_KEY]: { revision: 3, stories: [story] },
      ...compiledFor({ revision: 3, stories: [] }),
      [FOLLOWED_COMPILED_KEY]: { build: 'an-older-build', revision: 3, compiled: {} },
    });
    await compileIfStale(storage, compiledFor);
    expect(storage.items[FOLLOWED_COMPILED_KEY]).toMatchObject({ build: 'this-build', revision: 3 });
  });

  it('does not store its compile over that of stories changed while it ran', async () => {
    const storage = memoryStorage({ [FOLLOWED_KEY]: { revision: 3, stories: [story] } });
    await compileIfStale(storage, async (store) => {
      // Meanwhile the reader follows another story: its writer stores revision 4 with its own compile.
      const next = { revision: 4, stories: [story, { id: 'another' } as Story] };
      await storage.set({ [FOLLOWED_KEY]: next, ...compiledFor(next) });
      return compiledFor(store);
    });
    for (const key of [FOLLOWED_COMPILED_KEY, FOLLOWED_GATE_KEY, FOLLOWED_GATE_CLAUSES_KEY])
      expect(storage.items[key], key).toMatchObject({ revision: 4 });
  });
});
