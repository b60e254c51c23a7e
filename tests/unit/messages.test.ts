import { describe, expect, it } from 'vitest';
import type { PageVerdict, StoryVerdict } from '../../src/core/verdict';
import {
  askTab,
  askWorker,
  dispatch,
  type Handlers,
  isAnalysisReply,
  isAnalysisRequest,
  isContentRequest,
  isFromThisExtension,
  isPageVerdict,
  isWorkerRequest,
  type WorkerMessages,
} from '../../src/messages';

const summit: StoryVerdict = {
  storyId: 'summit',
  kind: 'this-summit',
  statementsShown: true,
  statementIds: ['claim:a'],
  specificStatementIds: ['claim:a'],
  entityIds: ['person:xi'],
  eventScore: 2,
  spinScore: 0,
  spinExamples: [],
};
const verdict: PageVerdict = { stories: [summit, { ...summit, storyId: 'other', kind: 'nothing' }] };

describe('message guards', () => {
  it('accept the known messages and refuse anything else', () => {
    expect(isWorkerRequest({ type: 'story/get' })).toBe(true);
    expect(isWorkerRequest({ type: 'badge/set', count: 3 })).toBe(true);
    expect(isWorkerRequest({ type: 'badge/set', count: -1 })).toBe(false);
    expect(isWorkerRequest({ type: 'badge/set', count: '3' })).toBe(false);
    expect(isWorkerRequest({ type: 'matcher/get' })).toBe(false);
    expect(isWorkerRequest({ type: 'page/get-state' })).toBe(false);
    expect(isWorkerRequest({ type: 'toString' })).toBe(false);
    expect(isWorkerRequest(null)).toBe(false);
    expect(isContentRequest({ type: 'annotations/export' })).toBe(true);
    expect(isContentRequest({ type: 'page/get-state' })).toBe(true);
    expect(isContentRequest({ type: 'page/toggle' })).toBe(true);
    expect(isWorkerRequest({ type: 'page/toggle' })).toBe(false);
    expect(isContentRequest({ type: 'story/get' })).toBe(false);
    expect(isContentRequest('page/get-state')).toBe(false);
    expect(isWorkerRequest({ type: 'compiler/storage-get', keys: ['followedStories'] })).toBe(true);
    expect(isWorkerRequest({ type: 'compiler/storage-get', keys: 'followedStories' })).toBe(false);
    expect(isWorkerRequest({ type: 'compiler/storage-get', keys: [1] })).toBe(false);
    expect(isWorkerRequest({ type: 'compiler/storage-set', items: { followedCompiled: {} } })).toBe(true);
    expect(isWorkerRequest({ type: 'compiler/storage-set', items: [] })).toBe(false);
    expect(isWorkerRequest({ type: 'compiler/storage-set' })).toBe(false);
    expect(isWorkerRequest({ type: 'compiler/done' })).toBe(true);
    expect(isWorkerRequest({ type: 'compiler/done', error: 'no' })).toBe(true);
    expect(isWorkerRequest({ type: 'compiler/done', error: 3 })).toBe(false);
  });

  it('check every analysis request by its shape', () => {
    expect(isAnalysisRequest({ type: 'analysis/start', mode: 'annotate', regions: 2 })).toBe(true);
    expect(isAnalysisRequest({ type: 'analysis/start', mode: 'annotate', regions: 1, verdict })).toBe(true);
    expect(isAnalysisRequest({ type: 'analysis/start', mode: 'annotate', regions: 1, verdict: { kind: 'yes' } })).toBe(
      false,
    );
    expect(isAnalysisRequest({ type: 'analysis/start', mode: 'annotate', regions: 1, verdict: summit })).toBe(false);
    expect(isAnalysisRequest({ type: 'analysis/start', mode: 'everything', regions: 1 })).toBe(false);
    expect(isAnalysisRequest({ type: 'analysis/start', mode: 'mentions', regions: -1 })).toBe(false);
    expect(isAnalysisRequest({ type: 'analysis/text', stretches: [{ region: 0, offset: 0, text: 'Xi' }] })).toBe(true);
    expect(isAnalysisRequest({ type: 'analysis/text', stretches: [{ region: 0, offset: 1.5, text: 'Xi' }] })).toBe(
      false,
    );
    expect(isAnalysisRequest({ type: 'analysis/text', stretches: 'Xi' })).toBe(false);
    expect(isAnalysisRequest({ type: 'analysis/end' })).toBe(true);
    expect(isAnalysisRequest({ type: 'analysis/verdict', verdict, statementsTotal: 3 })).toBe(false);
  });

  it('check analysis replies by type and field kinds', () => {
    const statementsTotal = { summit: 3, other: 0 };
    expect(isAnalysisReply({ type: 'analysis/verdict', verdict, statementsTotal })).toBe(true);
    expect(isAnalysisReply({ type: 'analysis/verdict', verdict, statementsTotal, cards: {} })).toBe(true);
    expect(isAnalysisReply({ type: 'analysis/verdict', verdict: {}, statementsTotal })).toBe(false);
    expect(isAnalysisReply({ type: 'analysis/verdict', verdict, statementsTotal: 3 })).toBe(false);
    expect(isAnalysisReply({ type: 'analysis/verdict', verdict, statementsTotal: { summit: -1 } })).toBe(false);
    const batch = { region: 0, kinds: [], annotations: [], similar: [], last: true };
    expect(isAnalysisReply({ type: 'analysis/findings', batch: { ...batch, kinds: undefined } })).toBe(false);
    expect(isAnalysisReply({ type: 'analysis/findings', batch })).toBe(true);
    expect(isAnalysisReply({ type: 'analysis/findings', batch: { ...batch, last: 'yes' } })).toBe(false);
    expect(isAnalysisReply({ type: 'analysis/mentions', mentions: false })).toBe(true);
    expect(isAnalysisReply({ type: 'analysis/shows' })).toBe(true);
    expect(isAnalysisReply({ type: 'analysis/showing' })).toBe(false);
    expect(isAnalysisReply({ type: 'analysis/error', message: 'broken' })).toBe(true);
    expect(isAnalysisReply({ type: 'analysis/end' })).toBe(false);
  });

  it('know a verdict when they see one', () => {
    expect(isPageVerdict(verdict)).toBe(true);
    expect(isPageVerdict({ stories: [] })).toBe(true);
    expect(isPageVerdict(summit)).toBe(false);
    expect(isPageVerdict({ stories: [{ ...summit, kind: 'maybe' }] })).toBe(false);
    expect(isPageVerdict({ stories: [{ ...summit, statementIds: [1] }] })).toBe(false);
    expect(isPageVerdict({ stories: [{ ...summit, storyId: undefined }] })).toBe(false);
  });

  it('only trust this extension as a sender', () => {
    expect(isFromThisExtension({ id: 'abc' }, 'abc')).toBe(true);
    expect(isFromThisExtension({ id: 'other' }, 'abc')).toBe(false);
    expect(isFromThisExtension({}, 'abc')).toBe(false);
  });
});

describe('ask helpers', () => {
  it('send the request as it is, to the top frame for tabs', async () => {
    const sent: unknown[] = [];
    const runtime = {
      sendMessage: async (m: unknown) => {
        sent.push(m);
      },
    };
    const tabs = {
      sendMessage: async (tabId: number, m: unknown, options?: { frameId?: number }) => {
        sent.push([tabId, m, options]);
      },
    };
    await askWorker(runtime, { type: 'badge/set', count: 2 });
    await askTab(tabs, 7, { type: 'page/get-state' });
    await askTab(tabs, 7, { type: 'page/toggle' }, 'all');
    expect(sent).toEqual([
      { type: 'badge/set', count: 2 },
      [7, { type: 'page/get-state' }, { frameId: 0 }],
      [7, { type: 'page/toggle' }, undefined],
    ]);
  });
});

describe('dispatch', () => {
  it('answers each request with its own handler, as a promise', async () => {
    const seen: string[] = [];
    const handlers: Handlers<WorkerMessages, string> = {
      'story/get': (_, context) => {
        seen.push(`story ${context}`);
        return { stories: [] };
      },
      'badge/set': async ({ count }, context) => {
        seen.push(`badge ${count} ${context}`);
        return undefined;
      },
      'annotator/inject': (_, context) => {
        seen.push(`inject ${context}`);
        return undefined;
      },
      'reader/inject': (_, context) => {
        seen.push(`reader ${context}`);
        return undefined;
      },
      'compiler/storage-get': ({ keys }) => Object.fromEntries(keys.map((key) => [key, 1])),
      'compiler/storage-set': () => undefined,
      'compiler/done': () => undefined,
    };
    await expect(dispatch(handlers, { type: 'story/get' }, 'tab 1')).resolves.toEqual({ stories: [] });
    await expect(dispatch(handlers, { type: 'badge/set', count: 3 }, 'tab 2')).resolves.toBeUndefined();
    await expect(dispatch(handlers, { type: 'annotator/inject' }, 'tab 3')).resolves.toBeUndefined();
    await expect(dispatch(handlers, { type: 'compiler/storage-get', keys: ['a'] }, 'page')).resolves.toEqual({ a: 1 });
    expect(seen).toEqual(['story tab 1', 'badge 3 tab 2', 'inject tab 3']);
  });
});
