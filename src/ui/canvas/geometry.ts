// Geometry for floating edges: where the line between two node centres leaves each node's box.

/** A point in flow coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** A node's box: top-left corner and size in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The centre of a box. */
export function centreOf(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where the ray from `box`'s centre towards `toward` crosses the box border, pushed out by `gap` px. */
export function borderPoint(box: Box, toward: Point, gap = 6): Point {
  const c = centreOf(box);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const halfW = box.width / 2 + gap;
  const halfH = box.height / 2 + gap;
  const scale = Math.min(
    dx === 0 ? Infinity : halfW / Math.abs(dx),
    dy === 0 ? Infinity : halfH / Math.abs(dy),
  );
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/** The point a fraction `t` (0..1) of the way from `a` to `b`. */
export function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}
