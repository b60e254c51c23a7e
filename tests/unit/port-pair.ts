/**
 * Two ends of a runtime Port in plain Node: messages go through JSON (as the
 * browsers' extension messaging does) and arrive in a later task; closing
 * one end tells the other, never the end that closed.
 */
type Listener<A extends unknown[]> = (...args: A) => void;

class FakeEvent<A extends unknown[]> {
  private readonly listeners = new Set<Listener<A>>();
  addListener(listener: Listener<A>): void {
    this.listeners.add(listener);
  }
  removeListener(listener: Listener<A>): void {
    this.listeners.delete(listener);
  }
  hasListener(listener: Listener<A>): boolean {
    return this.listeners.has(listener);
  }
  hasListeners(): boolean {
    return this.listeners.size > 0;
  }
  fire(...args: A): void {
    for (const listener of this.listeners) listener(...args);
  }
}

export class FakePort {
  readonly name = 'page-analysis';
  readonly onMessage = new FakeEvent<[unknown, FakePort]>();
  readonly onDisconnect = new FakeEvent<[FakePort]>();
  other!: FakePort;
  connected = true;
  /** Every message this end posted, as sent. */
  readonly posted: unknown[] = [];

  postMessage(message: unknown): void {
    if (!this.connected) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
    const copy = JSON.parse(JSON.stringify(message));
    setTimeout(() => this.other.connected && this.other.onMessage.fire(copy, this.other), 0);
  }

  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    const other = this.other;
    setTimeout(() => {
      if (!other.connected) return;
      other.connected = false;
      other.onDisconnect.fire(other);
    }, 0);
  }
}

export function portPair(): [FakePort, FakePort] {
  const a = new FakePort();
  const b = new FakePort();
  a.other = b;
  b.other = a;
  return [a, b];
}
