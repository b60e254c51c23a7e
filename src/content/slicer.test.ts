import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SLICE_BUDGET_MS } from '../core/timing';

/** A MessageChannel whose messages arrive only when the test delivers them. */
class HeldChannel {
  static last: HeldChannel | undefined;
  readonly posted: unknown[] = [];
  readonly port1: { onmessage: ((event: MessageEvent) => void) | null } = { onmessage: null };
  readonly port2 = { postMessage: (message: unknown) => this.posted.push(message) };

  constructor() {
    HeldChannel.last = this;
  }

  /** Delivers the oldest message not yet delivered. */
  deliver(): void {
    const message = this.posted.shift();
    this.port1.onmessage?.({ data: message } as MessageEvent);
  }
}

let now = 0;

/** The slicer module afresh, so that it builds its channel from the MessageChannel of the moment. */
async function loadSlicer() {
  vi.resetModules();
  return (await import('./slicer')).Slicer;
}

/** Whether a promise has settled, after every pending microtask has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
}

beforeEach(() => {
  now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('slicer, with messages held', () => {
  let channel: HeldChannel;
  let Slicer: Awaited<ReturnType<typeof loadSlicer>>;

  beforeEach(async () => {
    vi.stubGlobal('MessageChannel', HeldChannel);
    Slicer = await loadSlicer();
    channel = HeldChannel.last!;
  });

  it(`gives a slice ${SLICE_BUDGET_MS} ms by default, and does not yield before they are spent`, async () => {
    const slicer = new Slicer();
    now = SLICE_BUDGET_MS;
    expect(slicer.expired).toBe(false);
    expect(await settled(slicer.pause())).toBe(true);
    expect(channel.posted).toHaveLength(0);
    now = SLICE_BUDGET_MS + 0.01;
    expect(slicer.expired).toBe(true);
  });

  it('yields once its budget is spent, through a message, and resumes when it arrives', async () => {
    const slicer = new Slicer(6);
    now = 7;
    const pause = slicer.pause();
    expect(channel.posted).toHaveLength(1);
    expect(await settled(pause)).toBe(false);
    channel.deliver();
    expect(await settled(pause)).toBe(true);
  });

  it('starts a new slice when it resumes', async () => {
    const slicer = new Slicer(6);
    now = 10;
    const pause = slicer.pause();
    now = 30; // the page ran for a while before the message came
    channel.deliver();
    await pause;
    now = 36;
    expect(slicer.expired).toBe(false);
    now = 36.5;
    expect(slicer.expired).toBe(true);
  });

  it('resumes waiting work in the order it yielded, one piece per message', async () => {
    const resumed: string[] = [];
    now = 0;
    const slicers = ['first', 'second', 'third'].map((name) => ({ name, slicer: new Slicer(1) }));
    now = 5;
    const pauses = slicers.map(({ name, slicer }) => slicer.pause().then(() => resumed.push(name)));
    expect(channel.posted).toHaveLength(3);
    channel.deliver();
    await settled(pauses[0]!);
    expect(resumed).toEqual(['first']);
    channel.deliver();
    channel.deliver();
    await Promise.all(pauses);
    expect(resumed).toEqual(['first', 'second', 'third']);
  });
});

describe("slicer, on the platform's MessageChannel", () => {
  it('yields a task, not a microtask or a timer, and resumes in order', async () => {
    const Slicer = await loadSlicer();
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const resumed: number[] = [];
    const slicers = [0, 1, 2].map(() => new Slicer(1));
    now = 2;
    const pauses = slicers.map((slicer, i) => slicer.pause().then(() => resumed.push(i)));
    expect(await settled(Promise.all(pauses))).toBe(false);
    await Promise.all(pauses);
    expect(resumed).toEqual([0, 1, 2]);
    expect(setTimeoutSpy).not.toHaveBeenCalled();
  });
});
