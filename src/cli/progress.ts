import { SingleBar, Presets } from 'cli-progress';

/** Progress of a long write: a bar on a terminal, a line every few seconds otherwise (CI, logs). */
export interface Progress {
  phase(name: string): void;
  tick(records: number): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, everyMs = 5_000): Progress {
  let done = 0;
  if (stream.isTTY) {
    const bar = new SingleBar(
      { format: '{phase} |{bar}| {value} records · {speed}/s', stream, hideCursor: true },
      Presets.shades_classic,
    );
    const t0 = Date.now();
    bar.start(0, 0, { phase: '', speed: 0 });
    return {
      phase: (name) => bar.update({ phase: name }),
      tick: (n) => {
        done += n;
        bar.setTotal(Math.max(done, bar.getTotal()));
        bar.update(done, { speed: Math.round(done / Math.max(0.001, (Date.now() - t0) / 1000)) });
      },
      stop: () => bar.stop(),
    };
  }
  let last = Date.now();
  return {
    phase: (name) => stream.write(`… ${name}\n`),
    tick: (n) => {
      done += n;
      if (Date.now() - last >= everyMs) {
        last = Date.now();
        stream.write(`… ${done} records written\n`);
      }
    },
    stop: () => undefined,
  };
}
