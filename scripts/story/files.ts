/** Where the builder reads its data: the lexicon, the shared entities, a curated story or pack. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStory, type Story } from '../../src/core/dataset';
import { parsePack, type SharedEntity, sharedEntitiesFrom } from './pack-schema';

export function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

/** Shared entities: <data>/entities.json, or, where there is none yet, the entity facts of <data>/story.json. */
export function loadShared(data: string): Map<string, SharedEntity> {
  const entities = join(data, 'entities.json');
  const legacy = join(data, 'story.json');
  if (existsSync(entities)) return sharedEntitiesFrom(readJson(entities), undefined);
  return sharedEntitiesFrom(undefined, existsSync(legacy) ? readJson(legacy) : undefined);
}

/** A curated story: the pack <data>/stories/<id>/, or <data>/story.json where packs have not replaced it. */
export function loadCuratedStory(data: string, packId?: string): Story {
  const pack = packId ? join(data, 'stories', packId, 'story.json') : undefined;
  if (pack && existsSync(pack)) return parsePack(readJson(pack), loadShared(data), packId).story;
  return parseStory(readJson(join(data, 'story.json')));
}
