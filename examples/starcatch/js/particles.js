// Particle effects (ES module, default export class).
//
// Three kinds: glowing sparks (sprite), confetti/shards (rotated fillRect)
// and floating score text (fillText).
import { drawSprite } from './sprites/index.js';

export default class Particles {
  constructor(rng) {
    this.rng = rng;
    this.list = [];
  }

  clear() {
    this.list.length = 0;
  }

  // burst sprays n sparks and n confetti pieces from (x, y).
  burst(x, y, colors, n, size) {
    const r = this.rng;
    for (let i = 0; i < n * 2; i++) {
      const a = r.range(0, Math.PI * 2);
      const v = r.range(60, 260) * size;
      this.list.push({
        kind: i < n ? 'spark' : 'rect',
        x,
        y,
        vx: Math.cos(a) * v,
        vy: Math.sin(a) * v - 120 * size,
        rot: r.range(0, Math.PI),
        vr: r.range(-9, 9),
        size: (i < n ? r.range(14, 28) : r.range(5, 10)) * size,
        color: r.pick(colors),
        life: 0,
        max: r.range(0.45, 0.9),
        gravity: 520 * size,
      });
    }
  }

  // shards: a flat splash of broken pieces, used when a star hits the floor.
  shards(x, y, color, size) {
    const r = this.rng;
    for (let i = 0; i < 14; i++) {
      const a = r.range(Math.PI * 1.05, Math.PI * 1.95);
      const v = r.range(80, 240) * size;
      this.list.push({
        kind: 'rect',
        x,
        y,
        vx: Math.cos(a) * v,
        vy: Math.sin(a) * v,
        rot: r.range(0, Math.PI),
        vr: r.range(-14, 14),
        size: r.range(3, 7) * size,
        color,
        life: 0,
        max: r.range(0.35, 0.7),
        gravity: 900 * size,
      });
    }
  }

  text(x, y, str, color, size) {
    this.list.push({ kind: 'text', x, y, vx: 0, vy: -70 * size, rot: 0, vr: 0, size, str, color, life: 0, max: 0.8, gravity: 0 });
  }

  update(dt) {
    const list = this.list;
    let w = 0;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      p.life += dt;
      if (p.life >= p.max) continue;
      p.vy += p.gravity * dt;
      p.vx *= 1 - 1.5 * dt;
      p.x += p.vx * dt;
      p.y += p.vy * dt;
      p.rot += p.vr * dt;
      list[w++] = p;
    }
    list.length = w;
  }

  draw(ctx) {
    for (const p of this.list) {
      const t = p.life / p.max;
      ctx.save();
      ctx.globalAlpha = Math.max(0, 1 - t * t);
      ctx.translate(p.x, p.y);
      if (p.kind === 'text') {
        const s = 1 + 0.4 * Math.sin(Math.min(1, t * 4) * Math.PI);
        ctx.scale(s, s);
        ctx.font = 'bold ' + Math.round(20 * p.size) + 'px sans-serif';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillStyle = 'rgba(0,0,0,0.5)';
        ctx.fillText(p.str, 1.5, 1.5);
        ctx.fillStyle = p.color;
        ctx.fillText(p.str, 0, 0);
      } else {
        ctx.rotate(p.rot);
        const s = p.size * (1 - 0.5 * t);
        if (p.kind === 'spark') {
          drawSprite(ctx, 'spark', -s / 2, -s / 2, s, s);
        } else {
          ctx.fillStyle = p.color;
          ctx.fillRect(-s / 2, -s / 4, s, s / 2);
        }
      }
      ctx.restore();
    }
  }
}
