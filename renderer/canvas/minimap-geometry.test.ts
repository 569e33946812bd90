import { describe, expect, it } from 'vitest';
import { boundsOf, minimapGeometry, viewRect } from './minimap-geometry.ts';

describe('minimap geometry', () => {
  it('the view in flow coordinates comes from the transform and the pane size', () => {
    expect(viewRect([60, 200, 0.5], 800, 600)).toEqual({ x: -120, y: -400, width: 1600, height: 1200 });
    expect(viewRect([0, 0, 1], 300, 200)).toEqual({ x: -0, y: -0, width: 300, height: 200 });
  });

  it('bounds hold every rectangle; none gives null', () => {
    expect(boundsOf([{ x: 0, y: 0, width: 100, height: 50 }, { x: 300, y: -20, width: 40, height: 40 }])).toEqual({ x: 0, y: -20, width: 340, height: 70 });
    expect(boundsOf([])).toBeNull();
  });

  it("shows the nodes and the view, centred with a margin, as React Flow's minimap does", () => {
    // Nodes inside the view: the view decides. Scale 1600/200 = 1200/150 = 8 flow units per pixel, margin 5 px = 40 units.
    const inside = minimapGeometry({ x: 0, y: 0, width: 100, height: 50 }, viewRect([60, 200, 0.5], 800, 600));
    expect(inside.viewScale).toBe(8);
    expect(inside.viewBox).toBe('-160 -440 1680 1280');
    expect(inside.maskPath).toBe('M-200,-480h1760v1360h-1760z M-120,-400h1600v1200h-1600z');
    // Nodes far to the right widen the box: 0..4000 wide, 0..300 tall; scale 4000/200 = 20, centred vertically.
    const wide = minimapGeometry({ x: 1000, y: 0, width: 3000, height: 300 }, { x: 0, y: 0, width: 800, height: 300 });
    expect(wide.viewScale).toBe(20);
    const [x, y, w, h] = wide.viewBox.split(' ').map(Number);
    expect([x, w]).toEqual([-100, 4200]);
    expect(y + h / 2).toBeCloseTo(150);
    expect(h).toBe(20 * 150 + 200);
    // No nodes: the view alone.
    expect(minimapGeometry(null, { x: 0, y: 0, width: 200, height: 150 }).viewBox).toBe('-5 -5 210 160');
  });
});
