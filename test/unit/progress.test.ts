import { PassThrough } from 'node:stream';
import { createProgress, eta } from '../../src/cli/progress';

describe('load progress', () => {
  it('estimates the time left from the rate so far', () => {
    expect(eta(0, 0, 100)).toBe('?');
    expect(eta(100, 1_000, 0)).toBe('?');
    expect(eta(1_000, 5_000, 100)).toBe('40 s');
    expect(eta(1_000, 20_000, 100)).toBe('3 min 10 s');
    expect(eta(5_000, 5_000, 100)).toBe('0 s');
  });

  it('prints records/s and the ETA in logs (not a terminal)', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    let t = 0;
    const p = createProgress(out as unknown as NodeJS.WriteStream, 5_000, () => t);
    p.expect(100_000);
    t = 5_000;
    p.tick(25_000);
    expect(text).toBe('… 25000 of ~100000 records written · 5000 records/s · ETA 15 s\n');
  });
});
