import { OPEN_END, type Category, type Level, type PairingKind } from '../../domain/model';
import { REPORTED_IDS, cityAgencyRef, type BannerAnchors } from './anchors';
import { isoOf, WINDOWS } from './dates';
import { Emitter, pad, type Ref } from './emitter';
import type { Geography } from './geography';
import type { Rng } from './rng';
import { STRUCTURE } from './structure';

/** What later parts (projects, visits, tenures, recognition) need to know about the network. */
export interface Network {
  /** Pairings whose beneficiary is a village-level unit, all levels (region ones included). */
  villagePairings: Ref[];
  cityPairings: Ref[];
  /** Banner-level pairings with a village-level unit (county cadres, agencies, enterprises, seconded cadres). */
  bannerVillagePairings: Ref[];
  bannerAgencies: Ref[];
  secondedCadres: Ref[];
  /** The organization each seconded cadre comes from (SECONDED_FROM). */
  secondedFrom: Ref[];
  /** The 嘎查村 each seconded cadre is stationed in, and the day the secondment began. */
  stationedVillage: number[];
  stationedFrom: string[];
  /** Indices of the seconded cadres promoted to 副科级 (rank DEPUTY_SECTION as of the report). */
  promoted: number[];
}

const SANDAO: Ref = { label: 'Programme', id: REPORTED_IDS.programmes.sandao };
const mode = (beneficiariesOfThisKind: number) =>
  beneficiariesOfThisKind > 1 ? 'ONE_TO_MANY' : 'ONE_TO_ONE';

/**
 * The 五级四类 network of one banner below the region level: city agencies × villages, the
 * banner's county cadres, agencies, enterprises and seconded cadres, and the township cadres —
 * every quota of the report holds exactly, and every paired household is paired once.
 */
export function generateNetwork(a: BannerAnchors, geo: Geography, out: Emitter, rng: Rng): Network {
  const S = STRUCTURE;
  const id = (k: string) => `syn:${a.code}:${k}`;
  let seq = 0;
  const pairing = (
    helper: Ref,
    beneficiary: Ref,
    level: Level,
    category: Category,
    kind: PairingKind,
    m: string,
    validFrom?: string,
  ): Ref => {
    const p = out.node('Pairing', id(`pairing:${pad(++seq, 5)}`), {
      level,
      category,
      kind,
      mode: m,
      validFrom: validFrom ?? isoOf(rng.int(WINDOWS.pairingStart[0], WINDOWS.pairingStart[1])),
      validTo: OPEN_END,
    });
    out.rel('HELPER', p, helper);
    out.rel('BENEFICIARY', p, beneficiary);
    out.rel('UNDER', p, SANDAO);
    return p;
  };
  const V = geo.villages;
  const villageCount = V.length;

  // City: every village gets one agency round-robin, then distinct random (agency, village) pairs.
  const cityPairings: Ref[] = [];
  const taken = new Set<number>();
  const cityPairs: [number, number][] = [];
  for (let v = 0; v < villageCount; v++) {
    taken.add((v % S.cityAgencies) * 10_000 + v);
    cityPairs.push([v % S.cityAgencies, v]);
  }
  while (cityPairs.length < S.cityPairings) {
    const ag = rng.int(0, S.cityAgencies - 1);
    const v = rng.int(0, villageCount - 1);
    if (taken.has(ag * 10_000 + v)) continue;
    taken.add(ag * 10_000 + v);
    cityPairs.push([ag, v]);
  }
  for (const [ag, v] of cityPairs)
    cityPairings.push(pairing(cityAgencyRef(ag), V[v], 'CITY', 'AGENCY', 'ASSIST', 'ONE_TO_MANY'));

  // Households: township cadres take one from their own township first; the rest are pooled.
  const pools = geo.townships.map(() => [] as number[]);
  for (let h = 0; h < geo.households.length; h++) pools[geo.villageTownship[geo.householdVillage[h]]].push(h);
  for (const p of pools) rng.shuffle(p);
  const townshipCadreHousehold: number[] = [];
  for (let k = 0; k < S.townshipCadres; k++) {
    const h = pools[k % pools.length].pop();
    if (h === undefined) throw new Error(`synthetic: township ${k % pools.length} has too few households`);
    townshipCadreHousehold.push(h);
  }
  const pool = rng.shuffle(pools.flat());
  const takeHousehold = (): Ref => {
    const h = pool.pop();
    if (h === undefined) throw new Error('synthetic: ran out of registered households');
    return geo.households[h];
  };

  const bannerVillagePairings: Ref[] = [];
  let personSeq = 0;
  // no `roles` property for none, as with aliases (banner.ts): the importer cannot write []
  const person = (rank: string, roles: string[]) =>
    out.node('Person', id(`cadre:${pad(++personSeq, 4)}`), {
      name: `示例干部${pad(personSeq, 4)}`,
      rank,
      ...(roles.length ? { roles } : {}),
    });

  // County cadres (旗四大班子): 1 township LIAISON, 1 village, 2 households each.
  const liaison = rng.shuffle(geo.townships.map((_, t) => t));
  for (let c = 0; c < S.countyCadres; c++) {
    const cadre = person('COUNTY', []);
    pairing(
      cadre,
      geo.townships[liaison[c % liaison.length]].ref,
      'BANNER',
      'LEADING_CADRE',
      'LIAISON',
      'ONE_TO_ONE',
    );
    bannerVillagePairings.push(
      pairing(cadre, V[rng.int(0, villageCount - 1)], 'BANNER', 'LEADING_CADRE', 'ASSIST', 'ONE_TO_ONE'),
    );
    for (let k = 0; k < S.countyCadreHouseholds; k++) {
      pairing(cadre, takeHousehold(), 'BANNER', 'LEADING_CADRE', 'ASSIST', mode(S.countyCadreHouseholds));
    }
  }

  // Banner agencies: each village-level unit once (round-robin over a shuffled order), ≥ 3 households.
  const bannerAgencies: Ref[] = [];
  for (let i = 0; i < S.bannerAgencies; i++) {
    const o = out.node('Organization', id(`banner-agency:${pad(i + 1, 2)}`), {
      name: `示例旗直单位${pad(i + 1, 2)}`,
      type: i < S.bannerAgencies - S.bannerAgencyPublicInstitutions ? 'AGENCY' : 'PUBLIC_INSTITUTION',
      level: 'BANNER',
    });
    out.rel('LOCATED_IN', o, a.banner);
    bannerAgencies.push(o);
  }
  const villageOrder = rng.shuffle(Array.from({ length: villageCount }, (_, v) => v));
  const villagesOf = bannerAgencies.map(() => [] as number[]);
  villageOrder.slice(0, S.agencyVillagePairings).forEach((v, i) => villagesOf[i % S.bannerAgencies].push(v));
  const householdsOf = bannerAgencies.map(() => S.agencyMinHouseholds);
  for (let k = S.bannerAgencies * S.agencyMinHouseholds; k < S.agencyHouseholdPairings; k++)
    householdsOf[rng.int(0, S.bannerAgencies - 1)]++;
  bannerAgencies.forEach((ag, i) => {
    for (const v of villagesOf[i])
      bannerVillagePairings.push(pairing(ag, V[v], 'BANNER', 'AGENCY', 'ASSIST', mode(villagesOf[i].length)));
    for (let k = 0; k < householdsOf[i]; k++)
      pairing(ag, takeHousehold(), 'BANNER', 'AGENCY', 'ASSIST', mode(householdsOf[i]));
  });

  // Enterprises: exactly one 嘎查村 each.
  for (let i = 0; i < S.enterprises; i++) {
    const e = out.node('Enterprise', id(`enterprise:${pad(i + 1, 3)}`), {
      name: `示例企业${pad(i + 1, 3)}`,
    });
    out.rel('LOCATED_IN', e, a.banner);
    bannerVillagePairings.push(
      pairing(e, V[rng.pick(geo.gacha)], 'BANNER', 'ENTERPRISE', 'ASSIST', 'ONE_TO_ONE'),
    );
  }

  // Seconded cadres: one per 嘎查村; the first 76 from the banner agencies (one each), the rest
  // from the township/street organs in turn. The STATIONED_CADRE tenure is emitted in people.ts.
  const stationedVillage = rng.shuffle([...geo.gacha]);
  const secondedCadres: Ref[] = [];
  const secondedFrom: Ref[] = [];
  const stationedFrom: string[] = [];
  const promoted = rng.sample(
    Array.from({ length: S.secondedCadres }, (_, j) => j),
    S.promotions,
  );
  const promotedSet = new Set(promoted);
  for (let j = 0; j < S.secondedCadres; j++) {
    const cadre = person(promotedSet.has(j) ? 'DEPUTY_SECTION' : 'NONE', ['RESERVE_CADRE']);
    const from = isoOf(rng.int(WINDOWS.pairingStart[0], WINDOWS.pairingStart[1]));
    bannerVillagePairings.push(
      pairing(cadre, V[stationedVillage[j]], 'BANNER', 'SECONDED_CADRE', 'STATIONED', 'ONE_TO_ONE', from),
    );
    secondedCadres.push(cadre);
    secondedFrom.push(
      j < S.secondedFromAgencies
        ? bannerAgencies[j]
        : geo.townships[(j - S.secondedFromAgencies) % geo.townships.length].organ,
    );
    stationedFrom.push(from);
  }

  // Township cadres (科级): 1 household of their own township + 1 poor university student.
  for (let k = 0; k < S.townshipCadres; k++) {
    const t = k % geo.townships.length;
    const cadre = person('SECTION', []);
    out.rel('MEMBER_OF', cadre, geo.townships[t].organ);
    pairing(
      cadre,
      geo.households[townshipCadreHousehold[k]],
      'TOWNSHIP',
      'LEADING_CADRE',
      'ASSIST',
      'ONE_TO_ONE',
    );
    const s = out.node('Student', id(`student:${pad(k + 1, 4)}`), {
      name: `示例学生${pad(k + 1, 4)}`,
    });
    out.rel('LOCATED_IN', s, V[rng.pick(geo.townships[t].villages)]);
    pairing(cadre, s, 'TOWNSHIP', 'LEADING_CADRE', 'ASSIST', 'ONE_TO_ONE');
  }

  return {
    villagePairings: [...a.regionPairings, ...cityPairings, ...bannerVillagePairings],
    cityPairings,
    bannerVillagePairings,
    bannerAgencies,
    secondedCadres,
    secondedFrom,
    stationedVillage,
    stationedFrom,
    promoted,
  };
}
