// Tunables (CommonJS module).
module.exports = {
  // Fixed simulation step in seconds; rendering follows requestAnimationFrame.
  STEP: 1 / 60,
  // At most this many simulation steps per frame (after a hitch).
  MAX_STEPS: 8,
  LIVES: 3,
  // Points for a normal (gold) and a bonus (blue) star.
  POINTS: 1,
  BONUS_POINTS: 3,
  BONUS_CHANCE: 0.12,
  // Seconds between spawns: max(MIN, START - RAMP * elapsed), randomised ±25%.
  SPAWN_START: 1.05,
  SPAWN_MIN: 0.4,
  SPAWN_RAMP: 0.018,
  // Fall speed in screen heights per second: START + RAMP * elapsed, ±15%.
  FALL_START: 0.3,
  FALL_RAMP: 0.0075,
  // Paddle speed limits in screen widths per second.
  TOUCH_SPEED: 8,
  AUTO_SPEED: 1.0,
  // Title screen wait before autoplay starts a game (seconds of game time).
  AUTOSTART_DELAY: 0.75,
  // Milliseconds before "game over" accepts a tap; before exit=1 quits.
  RESTART_DELAY_MS: 700,
  EXIT_DELAY_MS: 1500,
};
