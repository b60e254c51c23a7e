/** Where the builder reads its data: the lexicon, the shared entities, the story packs of a data folder. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferableEntity } from '../../src/builder/draft';
import {
  type Dataset,
  entityFacts,
  parseDataset,
  parseEntities,
  type SharedEntity,
  type Story,
} from '../../src/core/dataset';
import { flattenStory } from '../../src/core/packs';
import { datasetFiles } from '../load-dataset';

export function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

/** The shared entities of <data>/entities.json, by id. */
export function loadShared(data: string): Map<string, SharedEntity> {
  const path = join(data, 'entities.json');
  return new Map(parseEntities(readJson(path), path).map((entity) => [entity.id, entity]));
}

/** Every pack of <data>/stories/ and the shared entities, checked together as the build checks them. */
export function loadPacks(data: string): Dataset {
  const files = datasetFiles(process.cwd(), data);
  return parseDataset(files.entities, files.stories);
}

/**
 * Every entity a new pack may refer to instead of defining it again: the shared ones of
 * <data>/entities.json and those the other packs of <data>/stories/ define (all but `exceptPack`).
 */
export function loadReferable(data: string, exceptPack: string): Map<string, ReferableEntity> {
  const known = new Map<string, ReferableEntity>(loadShared(data));
  const files = datasetFiles(process.cwd(), data);
  const others = files.stories.filter((f) => !f.path.endsWith(`/${exceptPack}/story.json`));
  if (others.length === 0) return known;
  for (const story of parseDataset(files.entities, others).stories)
    for (const fact of entityFacts(story)) known.set(fact.id, fact as ReferableEntity);
  return known;
}

/**
 * A curated story: the pack <data>/stories/<id>/, checked with every other
 * pack, with the shared entities it uses copied in as facts (what a draft is measured against).
 */
export function loadCuratedStory(data: string, packId: string): Story {
  const dataset = loadPacks(data);
  if (!dataset.stories.some((s) => s.id === packId))
    throw new Error(`no story pack ${packId} in ${join(data, 'stories')}`);
  return flattenStory(dataset, packId);
}
