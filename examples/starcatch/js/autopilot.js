// Autoplay brain (ES module, named exports).
//
// Greedy and deliberately imperfect: it goes for the star that will reach
// the rim first among those it can still get to in time, with a limited
// basket speed. As the game speeds up it starts missing, so autoplay games
// end on their own.

// timeToRim returns seconds until star s reaches rimY, or -1 if it is past.
export function timeToRim(s, rimY) {
  const d = rimY - (s.y + s.r * 0.5);
  if (d < 0 || s.passed) return -1;
  return d / s.vy;
}

// chooseTarget returns the x the basket should head for, or null.
export function chooseTarget(stars, paddleX, speed, catchHalf, rimY) {
  const plan = [];
  for (const s of stars) {
    const t = timeToRim(s, rimY);
    if (t >= 0) plan.push({ t, x: s.xAt(s.age + t) });
  }
  plan.sort((a, b) => a.t - b.t);
  for (const p of plan) {
    const reach = speed * p.t + catchHalf * 0.6;
    if (Math.abs(p.x - paddleX) <= reach) return p.x;
  }
  return plan.length > 0 ? plan[0].x : null;
}
