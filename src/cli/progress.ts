import { SingleBar, Presets } from 'cli-progress';

/**
 * Progress of a long write: a bar on a terminal, a line every few seconds otherwise (CI, logs).
 * Both show records per second and, once the expected total is known, the time left (ETA).
 */
export interface Progress {
  phase(name: string): void;
  /** The number of records the whole run is expected to write. */
  expect(records: number): void;
  tick(records: number): void;
  stop(): void;
}

/** "1 min 05 s", "42 s": the time left at `rate` records/s, or "?" before anything is known. */
export function eta(done: number, total: number, rate: number): string {
  if (total <= 0 || rate <= 0) return '?';
  const s = Math.max(0, Math.round((total - done) / rate));
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

export function createProgress(
  stream: NodeJS.WriteStream = process.stderr,
  everyMs = 5_000,
  now: () => number = Date.now,
): Progress {
  let done = 0;
  let total = 0;
  const t0 = now();
  const rate = () => Math.round(done / Math.max(0.001, (now() - t0) / 1000));
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        format: '{phase} |{bar}| {value}/{total} records · {speed}/s · ETA {left}',
        stream,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(0, 0, { phase: '', speed: 0, left: '?' });
    const show = () => bar.update(done, { speed: rate(), left: eta(done, total, rate()) });
    return {
      phase: (name) => bar.update({ phase: name }),
      expect: (n) => {
        total = n;
        bar.setTotal(Math.max(done, total));
        show();
      },
      tick: (n) => {
        done += n;
        bar.setTotal(Math.max(done, total, bar.getTotal()));
        show();
      },
      stop: () => bar.stop(),
    };
  }
  let last = now();
  return {
    phase: (name) => stream.write(`… ${name}\n`),
    expect: (n) => void (total = n),
    tick: (n) => {
      done += n;
      if (now() - last >= everyMs) {
        last = now();
        const of = total > 0 ? ` of ~${total}` : '';
        stream.write(
          `… ${done}${of} records written · ${rate()} records/s · ETA ${eta(done, total, rate())}\n`,
        );
      }
    },
    stop: () => undefined,
  };
}
