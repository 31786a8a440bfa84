/**
 * Turns of the event loop for the language server's work (server/src/turns.ts): urgent ones first, each on a
 * turn of its own, background ones spaced out so that the loop handles incoming messages in between.
 */
import * as assert from 'node:assert/strict';
import { createTurns } from '../../server/src/turns';

describe('turns', () => {
  it('gives urgent calls their turns before background ones that were waiting first', async () => {
    const turns = createTurns();
    const order: string[] = [];
    const all = [
      ...['b1', 'b2', 'b3'].map((name) => turns.next(false).then(() => order.push(name))),
      ...['u1', 'u2'].map((name) => turns.next(true).then(() => order.push(name))),
    ];
    await Promise.all(all);
    assert.deepEqual(order, ['u1', 'u2', 'b1', 'b2', 'b3']);
    assert.equal(turns.waiting, 0);
  });

  it('never hands out two turns in one turn of the loop', async () => {
    const turns = createTurns();
    // A ticker that goes round with the loop: what it has counted when a turn comes tells the loop's turns apart.
    let loop = 0;
    let ticking = true;
    const tick = () => {
      loop++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: number[] = [];
    await Promise.all(Array.from({ length: 8 }, (_, i) => turns.next(i % 3 === 0).then(() => seen.push(loop))));
    ticking = false;
    assert.equal(new Set(seen).size, seen.length, `turns came on loop turns ${seen.join(', ')}`);
  });

  it('an urgent call arriving while background calls wait goes next', async () => {
    const turns = createTurns();
    const order: string[] = [];
    const background = Array.from({ length: 5 }, (_, i) => turns.next(false).then(() => order.push(`b${i}`)));
    await background[0];
    const urgent = turns.next(true).then(() => order.push('u'));
    await Promise.all([...background, urgent]);
    assert.ok(order.indexOf('u') <= 2, order.join(', '));
  });

  it('dispose lets every waiting call go', async () => {
    const turns = createTurns();
    const waiting = [turns.next(false), turns.next(true), turns.next(false)];
    turns.dispose();
    await Promise.all(waiting);
    assert.equal(turns.waiting, 0);
  });
});
