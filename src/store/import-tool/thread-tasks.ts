import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';

/** What a worker module's task receives: its own input and the port for what it tells on the way. */
export type WithPort<T> = T & { port: MessagePort };

/**
 * Runs each task on its own thread of a piscina pool (as many threads as tasks, destroyed after),
 * the worker module `dir/name.js` — or `.ts` through tsx, when this runs from the TypeScript source
 * (tsx, the tests) rather than the build. Each task gets a MessagePort, whose messages go to
 * `onMessage`. Piscina does not order a port's messages with the task's result, so a task settles
 * only once its result is in and `posted(result, task)` messages have arrived. A failed task
 * rejects the call.
 */
export async function runOnThreads<T extends object, M, R>(o: {
  dir: string;
  name: string;
  tasks: readonly T[];
  onMessage: (m: M) => void;
  posted: (result: R, task: T) => number;
}): Promise<R[]> {
  const ts = __filename.endsWith('.ts');
  const pool = new Piscina({
    filename: path.join(o.dir, `${o.name}.${ts ? 'ts' : 'js'}`),
    execArgv: ts ? ['--import', 'tsx'] : [],
    minThreads: o.tasks.length,
    maxThreads: o.tasks.length,
  });
  const run = async (task: T): Promise<R> => {
    const { port1, port2 } = new MessageChannel();
    let received = 0;
    let expected = Infinity;
    let allIn = () => {};
    const arrived = new Promise<void>((resolve) => (allIn = resolve));
    port1.on('message', (m: M) => {
      o.onMessage(m);
      if (++received >= expected) allIn();
    });
    try {
      const input: WithPort<T> = { ...task, port: port2 };
      const result = (await pool.run(input, { transferList: [port2] })) as R;
      expected = o.posted(result, task);
      if (received >= expected) allIn();
      await arrived;
      return result;
    } finally {
      port1.close();
    }
  };
  try {
    return await Promise.all(o.tasks.map(run));
  } finally {
    await pool.destroy();
  }
}
