import type { Gateway } from '../store/gateway';
import { checkObservations } from '../store/indicators/indicators.store';

const COMPARATOR_SIGN = { EXACT: '=', MORE_THAN: '>', AT_LEAST: '≥' } as const;

/**
 * `bangfu verify`: a table of every reported figure beside the value recomputed from the graph,
 * ✓ or ✗; sets exit code 1 when any figure does not match.
 */
export async function verifyCommand(
  gw: Gateway,
  out: NodeJS.WritableStream = process.stdout,
): Promise<boolean> {
  const checks = await checkObservations(gw);
  const rows = checks.map((c) => [
    c.matches ? '✓' : '✗',
    c.observation.id,
    `${COMPARATOR_SIGN[c.observation.comparator]} ${c.observation.value} ${c.observation.unit}`,
    c.computed === null ? '—' : String(c.computed),
  ]);
  const widths = [1, 0, 0, 0].map((w, i) => Math.max(w, ...rows.map((r) => [...r[i]].length)));
  const header = ['', 'observation', 'reported', 'computed'];
  const line = (r: string[]) =>
    r
      .map((x, i) => x.padEnd(Math.max(widths[i], header[i].length)))
      .join('  ')
      .trimEnd();
  out.write(`${line(header)}\n`);
  for (const r of rows) out.write(`${line(r)}\n`);
  const bad = checks.filter((c) => !c.matches).length;
  out.write(`\n${checks.length - bad} of ${checks.length} figures match${bad ? `; ${bad} do not` : ''}\n`);
  if (bad) process.exitCode = 1;
  return bad === 0;
}
