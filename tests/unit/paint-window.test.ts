// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { type Paintable, PaintWindow } from '../../src/content/paint-window';
import { PAINT_ALL_MAX_RANGES, PAINT_MARGIN_VIEWPORTS } from '../../src/core/timing';

/** A highlight `i` lines down the page, 20 px per line, scrolled by `scroll.y`. */
function entries(n: number, scroll: { y: number }): Paintable[] {
  return Array.from({ length: n }, (_, i) => ({
    annotation: { start: i * 10 },
    range: {
      getBoundingClientRect: () => ({ top: i * 20 - scroll.y, bottom: i * 20 + 16 - scroll.y }),
    } as unknown as Range,
  }));
}

function paintWindow() {
  const painted = new Set<Paintable>();
  const window = new PaintWindow<Paintable>(
    (e) => painted.add(e),
    (e) => painted.delete(e),
  );
  return { window, painted };
}

describe('paint window (element-free highlights registered with the browser)', () => {
  it('paints every highlight of a small region at once, and unpaints what is removed or cleared', () => {
    const { window, painted } = paintWindow();
    const all = entries(10, { y: 0 });
    window.add(all.slice(5));
    window.add(all.slice(0, 5));
    expect(painted.size).toBe(10);
    window.remove(new Set([all[3]!]));
    expect(painted.has(all[3]!)).toBe(false);
    expect(painted.size).toBe(9);
    window.clear();
    expect(painted.size).toBe(0);
  });

  it('in a large region, paints only the highlights near the viewport, and follows scrolling', () => {
    const { window, painted } = paintWindow();
    const scroll = { y: 0 };
    const all = entries(PAINT_ALL_MAX_RANGES * 3, scroll);
    // Arriving out of order, as the visible part is drawn first.
    window.add(all.slice(100));
    window.add(all.slice(0, 100));
    window.update();
    const margin = innerHeight * PAINT_MARGIN_VIEWPORTS;
    const near = (e: Paintable, y: number) => {
      const top = all.indexOf(e) * 20 - y;
      return top + 16 >= -margin && top <= innerHeight + margin;
    };
    expect(painted.size).toBeGreaterThan(0);
    expect(painted.size).toBeLessThan(all.length);
    expect([...painted].every((e) => near(e, 0))).toBe(true);
    expect(all.filter((e) => near(e, 0)).every((e) => painted.has(e))).toBe(true);

    scroll.y = 30_000;
    window.update();
    expect(painted.has(all[0]!)).toBe(false);
    expect([...painted].every((e) => near(e, 30_000))).toBe(true);
    expect(all.filter((e) => near(e, 30_000)).every((e) => painted.has(e))).toBe(true);
    window.clear();
    expect(painted.size).toBe(0);
  });
});
