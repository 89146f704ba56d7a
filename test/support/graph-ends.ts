import type { Ledger } from './ledger';

/** A global id's store key (`base64url("Label:key")` → `key`). */
export const keyOf = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':').slice(1).join(':');

/**
 * An existing node of each label a graph record's required relationships may lead to, by store key:
 * the ledger's records, and a pairing `pairingKey` of its agency and village created here.
 */
export async function graphEnds(l: Ledger, pairingKey: string): Promise<Record<string, string>> {
  const p = await l.as(
    'editor',
    'mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id } } }',
    {
      i: {
        key: pairingKey,
        helperId: l.ids.agency,
        beneficiaryId: l.ids.village,
        level: 'BANNER',
        category: 'AGENCY',
        kind: 'ASSIST',
        validFrom: '2012-01-01',
      },
    },
  );
  if (p.errors) throw new Error(`fixture: ${JSON.stringify(p.errors)}`);
  return {
    AdminUnit: keyOf(l.ids.village),
    Organization: keyOf(l.ids.agency),
    Person: keyOf(l.ids.cadre),
    Enterprise: keyOf(l.ids.enterprise),
    Household: keyOf(l.ids.household),
    Student: keyOf(l.ids.student),
    Programme: keyOf(l.ids.programme),
    Source: keyOf(l.ids.source),
    Pairing: pairingKey,
  };
}
