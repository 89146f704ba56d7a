import fc from 'fast-check';
import type { Ledger } from './ledger';

/**
 * A law between an import and a mutation, over `runs` draws of `arb`: `check` asserts that both
 * give the same verdict (and words) and says whether the mutation refused. Fails unless both
 * verdicts were drawn: a law that only ever sees one side would hold on any code.
 */
export async function assertVerdictLaw<T>(
  arb: fc.Arbitrary<T>,
  runs: number,
  check: (value: T) => Promise<boolean>,
): Promise<void> {
  const seen = { refused: 0, accepted: 0 };
  await fc.assert(
    fc.asyncProperty(arb, async (v) => {
      seen[(await check(v)) ? 'refused' : 'accepted'] += 1;
    }),
    { numRuns: runs },
  );
  expect(seen.refused).toBeGreaterThan(0);
  expect(seen.accepted).toBeGreaterThan(0);
}

/**
 * The overlap law: for a pairing of the ledger's agency and village (AGENCY, ASSIST, BANNER) over
 * a drawn period, `viaImport` (an import of it, dry) refuses exactly what createPairing refuses,
 * with the same words. Periods are random days from `fromYear` to 2014, open half the time, or —
 * half the runs, as random periods mostly overlap the fixtures' — a month from 1981 on that no
 * pairing of these four holds.
 */
export function overlapLaw(
  l: Ledger,
  newKey: () => string,
  fromYear: number,
  viaImport: (id: string, validFrom: string, validTo: string | null) => Promise<string[]>,
): Promise<void> {
  let free = 0;
  const day = fc
    .integer({ min: Date.UTC(fromYear, 0, 1), max: Date.UTC(2014, 0, 1) })
    .map((t) => new Date(t).toISOString().slice(0, 10));
  const period = fc.tuple(day, day, fc.boolean(), fc.boolean()).map(([d1, d2, open, fresh]) => {
    const month = free++;
    const window = `${1981 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    if (fresh || d1 === d2) return { from: `${window}-01`, to: `${window}-28` as string | null };
    const [from, to] = d1 < d2 ? [d1, d2] : [d2, d1];
    return { from, to: open ? null : to };
  });
  return assertVerdictLaw(period, 25, async ({ from, to }) => {
    const id = newKey();
    const refused = await viaImport(id, from, to);
    const viaMutation = await l.as(
      'editor',
      'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id } } }',
      {
        i: {
          key: id,
          helperId: l.ids.agency,
          beneficiaryId: l.ids.village,
          level: 'BANNER',
          category: 'AGENCY',
          kind: 'ASSIST',
          validFrom: from,
          ...(to === null ? {} : { validTo: to }),
        },
      },
    );
    expect({ from, to, refused }).toEqual({
      from,
      to,
      refused: (viaMutation.errors ?? []).map((e) => e.message.replace(/^input: /, '')),
    });
    return viaMutation.errors !== undefined;
  });
}
