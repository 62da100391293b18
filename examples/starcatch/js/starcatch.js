// The game (ES module, default export class).
//
// States: 'title' -> 'play' -> 'over' -> 'play' ... The simulation runs at a
// fixed step (config.STEP) driven by the requestAnimationFrame timestamp,
// so with the same seed a game plays out identically at any frame rate.
import createRng, { deriveSeed } from './rng.js';
import Particles from './particles.js';
import renderBackground from './background.js';
import { chooseTarget } from './autopilot.js';
import { drawHud, drawTitle, drawOver, drawPaused, makeLogo, overLayout, hit } from './hud.js';
import { event, info } from './log.js';

const config = require('./config'); // CommonJS, extension omitted
const sprites = require('./sprites'); // folder module: js/sprites/index.js
const Input = require('js/input.js'); // bare path, resolved from the game root

const { STEP, MAX_STEPS, LIVES } = config;
const { drawSprite } = sprites;

const GOLD = ['#ffe066', '#ffb000', '#fff6c0', '#ff8a3d'];
const BLUE = ['#9fe8ff', '#38a4ff', '#e0fbff', '#7a8cff'];

function clamp(v, lo, hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

class Star {
  constructor(fields) {
    Object.assign(this, fields);
  }

  // xAt is the horizontal position at a given age (some stars sway).
  xAt(age) {
    return this.baseX + this.amp * Math.sin(this.phase + this.freq * age);
  }
}

export default class Game {
  constructor({ canvas, ctx, info: sys, opts, assets }) {
    this.canvas = canvas;
    this.ctx = ctx;
    this.opts = opts;
    this.autoplay = opts.autoplay;
    this.dpr = sys.pixelRatio || 1;
    this.layout(sys);

    this.rng = createRng(opts.seed); // gameplay
    this.fx = createRng(deriveSeed(opts.seed, 1)); // visual effects only
    this.particles = new Particles(this.fx);
    this.bg = renderBackground(assets.bg, this.W, this.H, this.dpr, this.floorY);
    this.logo = makeLogo(this.dpr);
    this.twinkles = [];
    for (let i = 0; i < 12; i++) {
      this.twinkles.push({
        x: this.fx.range(10, this.W - 10),
        y: this.fx.range(this.hudTop + 40 * this.k, this.H * 0.6),
        s: this.fx.range(2, 4) * this.k,
        f: this.fx.range(1.5, 4),
        p: this.fx.range(0, Math.PI * 2),
      });
    }

    this.state = 'title';
    this.maxLives = LIVES;
    this.lives = LIVES;
    this.score = 0;
    this.best = 0;
    this.newBest = false;
    this.stars = [];
    this.spawnTimer = 0;
    this.time = 0; // total simulated seconds (animations)
    this.elapsed = 0; // seconds into the current game (difficulty)
    this.titleTime = 0;
    this.paddle = { x: this.W / 2, vx: 0, lean: 0, squash: 0 };
    this.dragOffset = 0;
    this.scorePop = 0;
    this.heartPop = 0;
    this.shake = 0;
    this.flash = 0;
    this.paused = false;
    this.hidden = false;
    this.canRestart = false;
    this.restartTimer = null;
    this.exitTimer = null;
    this.blink = true;
    this.blinkTimer = null;
    this.startBlink();

    this.rafId = 0;
    this.lastTs = null;
    this.acc = 0;
    this.frames = 0;
    this.frameCb = (ts) => this.frame(ts);

    this.input = new Input();
    this.input.onPress = (x, y) => this.press(x, y);
    this.input.onDragStart = (x) => this.dragStart(x);

    wx.onHide(() => this.onHide());
    wx.onShow(() => this.onShow());
  }

  layout(sys) {
    const W = sys.windowWidth;
    const H = sys.windowHeight;
    const sa = sys.safeArea;
    this.W = W;
    this.H = H;
    this.safe =
      sa && sa.width > 0 && sa.height > 0
        ? { left: sa.left, right: sa.right, top: sa.top, bottom: sa.bottom }
        : { left: 0, right: W, top: 0, bottom: H };
    const k = clamp(Math.min(W / 375, H / 667), 0.75, 2);
    this.k = k;
    this.hudTop = Math.max(this.safe.top, sys.statusBarHeight || 0) + 10 * k;
    this.starSize = 46 * k;
    this.starR = 16 * k;
    this.bw = 112 * k;
    this.bh = (this.bw * sprites.FRAMES.basket.h) / sprites.FRAMES.basket.w;
    this.floorY = Math.min(H, this.safe.bottom) - 12 * k;
    this.rimY = this.floorY - this.bh + this.bh * sprites.BASKET_RIM;
    this.catchHalf = this.bw * sprites.BASKET_CATCH;
    this.minX = this.safe.left + this.bw / 2 + 6 * k;
    this.maxX = this.safe.right - this.bw / 2 - 6 * k;
  }

  run() {
    if (!this.rafId) this.rafId = requestAnimationFrame(this.frameCb);
  }

  // ------------------------------------------------------------ lifecycle

  onHide() {
    if (this.hidden) return;
    this.hidden = true;
    if (this.rafId) cancelAnimationFrame(this.rafId);
    this.rafId = 0;
    this.input.reset();
    if (this.state === 'play' && !this.autoplay) this.paused = true;
    info('hidden' + (this.paused ? ', paused' : ''));
  }

  onShow() {
    if (!this.hidden) return;
    this.hidden = false;
    this.lastTs = null;
    this.acc = 0;
    info('shown');
    this.run();
  }

  startBlink() {
    this.stopBlink();
    this.blink = true;
    this.blinkTimer = setInterval(() => {
      this.blink = !this.blink;
    }, 450);
  }

  stopBlink() {
    if (this.blinkTimer !== null) clearInterval(this.blinkTimer);
    this.blinkTimer = null;
    this.blink = true;
  }

  start() {
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    if (this.exitTimer !== null) clearTimeout(this.exitTimer);
    this.restartTimer = null;
    this.exitTimer = null;
    this.stopBlink();
    this.state = 'play';
    this.score = 0;
    this.lives = LIVES;
    this.elapsed = 0;
    this.stars = [];
    this.spawnTimer = 0.5;
    this.newBest = false;
    event('start');
  }

  gameOver() {
    this.state = 'over';
    this.newBest = this.score > this.best;
    this.best = Math.max(this.best, this.score);
    event('over score=' + this.score);
    this.canRestart = false;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.canRestart = true;
    }, config.RESTART_DELAY_MS);
    this.startBlink();
    if (this.opts.exit) {
      this.exitTimer = setTimeout(() => {
        this.exitTimer = null;
        info('exit');
        wx.exitMiniProgram();
      }, config.EXIT_DELAY_MS);
    }
  }

  // ------------------------------------------------------------ input

  press(x, y) {
    if (this.paused) {
      this.paused = false;
      return;
    }
    if (this.state === 'title') {
      this.start();
    } else if (this.state === 'over') {
      if (hit(overLayout(this).exit, x, y)) {
        info('exit');
        wx.exitMiniProgram();
      } else if (this.canRestart) {
        this.start();
      }
    }
  }

  // dragStart: grabbing near the basket drags it without a jump; touching
  // elsewhere sends it gliding to the finger.
  dragStart(x) {
    this.dragOffset = Math.abs(x - this.paddle.x) <= this.bw * 0.75 ? this.paddle.x - x : 0;
  }

  // ------------------------------------------------------------ frame loop

  frame(ts) {
    this.rafId = 0;
    if (this.hidden) return;
    this.rafId = requestAnimationFrame(this.frameCb);
    const now = typeof ts === 'number' ? ts : wx.getPerformance().now();
    if (this.lastTs === null) this.lastTs = now;
    const dt = clamp((now - this.lastTs) / 1000, 0, 0.25);
    this.lastTs = now;
    this.acc += dt;
    let n = 0;
    while (this.acc >= STEP - 1e-6 && n < MAX_STEPS) {
      this.step(STEP);
      this.acc -= STEP;
      n++;
    }
    if (n === MAX_STEPS) this.acc = 0;
    this.frames++;
    this.draw();
  }

  step(dt) {
    if (this.paused) return;
    this.time += dt;
    this.scorePop = Math.max(0, this.scorePop - dt * 4);
    this.heartPop = Math.max(0, this.heartPop - dt * 2);
    this.shake = Math.max(0, this.shake - dt);
    this.flash = Math.max(0, this.flash - dt * 2);
    this.particles.update(dt);
    if (this.state === 'title') {
      this.titleTime += dt;
      if (this.autoplay && this.titleTime >= config.AUTOSTART_DELAY) this.start();
    } else if (this.state === 'play') {
      this.elapsed += dt;
      this.spawnTimer -= dt;
      if (this.spawnTimer <= 0) {
        this.spawnStar();
        const gap = Math.max(config.SPAWN_MIN, config.SPAWN_START - config.SPAWN_RAMP * this.elapsed);
        this.spawnTimer += gap * this.rng.range(0.75, 1.25);
      }
      this.updateStars(dt);
    }
    this.updatePaddle(dt);
  }

  spawnStar() {
    const r = this.rng;
    const bonus = r.chance(config.BONUS_CHANCE);
    const sway = r.chance(Math.min(0.6, 0.2 + 0.01 * this.elapsed));
    const amp = r.range(0.04, 0.1) * this.W;
    const freq = r.range(1.5, 3);
    const phase = r.range(0, Math.PI * 2);
    const u = r.next();
    const speed = this.H * (config.FALL_START + config.FALL_RAMP * this.elapsed) * r.range(0.85, 1.15);
    const spin = r.range(-3, 3);
    const rot = r.range(0, Math.PI * 2);
    const s = new Star({
      bonus,
      amp: sway ? amp : 0,
      freq,
      phase,
      baseX: 0,
      x: 0,
      y: -this.starSize / 2,
      vy: bonus ? speed * 1.2 : speed,
      rot,
      vr: spin,
      age: 0,
      r: this.starR,
      passed: false,
    });
    const margin = this.starSize / 2 + s.amp;
    s.baseX = this.safe.left + margin + u * (this.safe.right - this.safe.left - 2 * margin);
    s.x = s.xAt(0);
    this.stars.push(s);
  }

  updateStars(dt) {
    const list = this.stars;
    let w = 0;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      if (this.state !== 'play') {
        list[w++] = s; // the game just ended: keep the rest as they are
        continue;
      }
      s.age += dt;
      s.y += s.vy * dt;
      s.x = s.xAt(s.age);
      s.rot += s.vr * dt;
      if (!s.passed && s.y + s.r * 0.5 >= this.rimY) {
        if (Math.abs(s.x - this.paddle.x) <= this.catchHalf) {
          this.caught(s);
          continue;
        }
        s.passed = true;
      }
      if (s.passed && s.y >= this.floorY - s.r * 0.4) {
        this.missed(s);
        continue;
      }
      list[w++] = s;
    }
    list.length = w;
    if (this.state === 'over') {
      // Pop whatever is still falling.
      for (const s of list) this.particles.burst(s.x, s.y, s.bonus ? BLUE : GOLD, 3, this.k);
      this.stars = [];
    }
  }

  caught(s) {
    const pts = s.bonus ? config.BONUS_POINTS : config.POINTS;
    this.score += pts;
    this.scorePop = 1;
    this.paddle.squash = 1;
    this.particles.burst(s.x, this.rimY, s.bonus ? BLUE : GOLD, s.bonus ? 10 : 6, this.k);
    this.particles.text(s.x, this.rimY - 24 * this.k, '+' + pts, s.bonus ? '#9fe8ff' : '#ffe066', this.k);
    event('catch score=' + this.score);
  }

  missed(s) {
    this.lives -= 1;
    this.heartPop = 0.6;
    this.shake = 0.35;
    this.flash = 0.5;
    this.particles.shards(s.x, this.floorY, s.bonus ? '#38a4ff' : '#ffb000', this.k);
    event('miss lives=' + this.lives);
    if (this.lives <= 0) this.gameOver();
  }

  updatePaddle(dt) {
    const p = this.paddle;
    let target = null;
    let speed = config.TOUCH_SPEED * this.W;
    if (this.autoplay) {
      if (this.state === 'play') {
        speed = config.AUTO_SPEED * this.W;
        target = chooseTarget(this.stars, p.x, speed, this.catchHalf, this.rimY);
      }
    } else if (this.input.x !== null) {
      target = this.input.x + this.dragOffset;
    }
    const prev = p.x;
    if (target !== null) {
      const d = clamp(target, this.minX, this.maxX) - p.x;
      const max = speed * dt;
      p.x += clamp(d, -max, max);
    }
    p.x = clamp(p.x, this.minX, this.maxX);
    p.vx = (p.x - prev) / dt;
    const lean = clamp((p.vx / this.W) * 0.12, -0.18, 0.18);
    p.lean += (lean - p.lean) * Math.min(1, dt * 12);
    p.squash = Math.max(0, p.squash - dt * 5);
  }

  // ------------------------------------------------------------ drawing

  draw() {
    const ctx = this.ctx;
    const k = this.k;

    // Background: a pixel-exact blit of the pre-rendered offscreen canvas.
    ctx.save();
    ctx.resetTransform();
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.bg, 0, 0);
    ctx.restore();

    ctx.save();
    if (this.shake > 0) {
      const a = this.shake / 0.35;
      ctx.translate(Math.sin(this.time * 73) * 6 * k * a, Math.cos(this.time * 61) * 4 * k * a);
    }

    // Twinkling diamonds.
    ctx.fillStyle = '#fff6d0';
    for (const t of this.twinkles) {
      ctx.save();
      ctx.globalAlpha = 0.2 + 0.6 * (0.5 + 0.5 * Math.sin(this.time * t.f + t.p));
      ctx.translate(t.x, t.y);
      ctx.rotate(Math.PI / 4 + this.time * 0.5);
      ctx.fillRect(-t.s / 2, -t.s / 2, t.s, t.s);
      ctx.restore();
    }

    // Stars (behind the basket, so missed ones fall behind it).
    const ss = this.starSize;
    for (const s of this.stars) {
      ctx.save();
      ctx.translate(s.x, s.y);
      ctx.rotate(s.rot);
      if (s.bonus) {
        const pulse = 1 + 0.08 * Math.sin(this.time * 10 + s.phase);
        ctx.scale(pulse, pulse);
      }
      drawSprite(ctx, s.bonus ? 'bonus' : 'star', -ss / 2, -ss / 2, ss, ss);
      ctx.restore();
    }

    // Basket: leans with its speed, squashes when it catches.
    const p = this.paddle;
    ctx.save();
    ctx.translate(p.x, this.floorY);
    ctx.rotate(p.lean);
    const q = p.squash;
    ctx.transform(1 + 0.1 * q, 0, 0, 1 - 0.14 * q, 0, 0);
    drawSprite(ctx, 'basket', -this.bw / 2, -this.bh, this.bw, this.bh);
    ctx.restore();

    this.particles.draw(ctx);
    ctx.restore();

    if (this.flash > 0) {
      ctx.globalAlpha = this.flash * 0.45;
      ctx.fillStyle = '#ff2040';
      ctx.fillRect(0, 0, this.W, this.H);
      ctx.globalAlpha = 1;
    }

    if (this.state === 'title') {
      drawTitle(ctx, this);
    } else {
      drawHud(ctx, this);
      if (this.state === 'over') drawOver(ctx, this);
    }
    if (this.paused) drawPaused(ctx, this);
  }
}
