/**
 * The reader learns that annotator.js has run from the annotator itself, not
 * from the worker's answer to the injection, which can come long after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { annotatorArrival, registerAnnotator, registeredAnnotator, type StartAnnotator } from './handoff';

const fakeStart = (() => ({ settingsChanged() {}, handlers: {} })) as unknown as StartAnnotator;
const settled = async <T>(promise: Promise<T>): Promise<T | 'pending'> =>
  Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 10))]);

describe('the annotator hand-over', () => {
  afterEach(() => {
    for (const key of Object.keys(globalThis))
      if (key.startsWith('__newsInContext')) Reflect.deleteProperty(globalThis, key);
  });

  it('waits until annotator.js registers, then resolves with its start function', async () => {
    const arrival = annotatorArrival();
    expect(await settled(arrival)).toBe('pending');
    expect(registeredAnnotator()).toBeUndefined();
    registerAnnotator(fakeStart);
    expect(await settled(arrival)).toBe(fakeStart);
    expect(registeredAnnotator()).toBe(fakeStart);
  });

  it('resolves at once when annotator.js has already run', async () => {
    registerAnnotator(fakeStart);
    expect(await settled(annotatorArrival())).toBe(fakeStart);
  });

  it('leaves no waiting function behind once the annotator has arrived', async () => {
    const arrival = annotatorArrival();
    registerAnnotator(fakeStart);
    await arrival;
    expect(Object.keys(globalThis).filter((key) => key.startsWith('__newsInContext'))).toEqual([
      '__newsInContextAnnotator',
    ]);
  });
});
