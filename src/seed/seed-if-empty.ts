import type { Gateway } from '../store/gateway';
import { isEmpty, seed } from './seed';

/** `npm start`'s first run: seeds scale 1 into an empty database; otherwise leaves it alone. */
export async function seedIfEmpty(gw: Gateway, log: (msg: string) => void): Promise<void> {
  if (!(await isEmpty(gw))) return;
  log('empty database: seeding the scale-1 graph of the report …');
  const s = await seed(gw, { scale: 1 });
  log(`seeded ${s.nodes} nodes and ${s.rels} relationships in ${(s.ms / 1000).toFixed(1)} s`);
}
