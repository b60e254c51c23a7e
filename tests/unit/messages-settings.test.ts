import { describe, expect, it } from 'vitest';
import { isContentRequest, isFromThisExtension, isWorkerRequest } from '../../src/messages';

describe('message guards', () => {
  it('accept the known messages and refuse anything else', () => {
    expect(isWorkerRequest({ type: 'matcher/get' })).toBe(true);
    expect(isWorkerRequest({ type: 'badge/set', count: 3 })).toBe(true);
    expect(isWorkerRequest({ type: 'badge/set', count: -1 })).toBe(false);
    expect(isWorkerRequest({ type: 'badge/set', count: '3' })).toBe(false);
    expect(isWorkerRequest({ type: 'page/get-state' })).toBe(false);
    expect(isWorkerRequest(null)).toBe(false);
    expect(isContentRequest({ type: 'annotations/export' })).toBe(true);
    expect(isContentRequest({ type: 'matcher/get' })).toBe(false);
    expect(isContentRequest('page/get-state')).toBe(false);
  });

  it('only trust this extension as a sender', () => {
    expect(isFromThisExtension({ id: 'abc' }, 'abc')).toBe(true);
    expect(isFromThisExtension({ id: 'other' }, 'abc')).toBe(false);
    expect(isFromThisExtension({}, 'abc')).toBe(false);
  });
});
