import { Emitter, pad, type Ref } from './emitter';
import type { BannerAnchors } from './anchors';
import type { Rng } from './rng';
import { STRUCTURE } from './structure';

export interface Township {
  ref: Ref;
  /** The township's (or street's) 党政机关, home of its section-level cadres. */
  organ: Ref;
  /** Indices into Geography.villages. */
  villages: number[];
}

export interface Geography {
  townships: Township[];
  /** 159 嘎查村 first (index 0 is the first village, 城壕村 in 准格尔旗), then 23 社区. */
  villages: Ref[];
  villageTownship: Int32Array;
  gacha: number[];
  communities: number[];
  households: Ref[];
  householdVillage: Int32Array;
  backward: number[];
  demonstration: number[];
}

/** Sizes of `n` near-equal groups summing to `total`, larger groups first. */
function groups(total: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
}

/**
 * The banner's townships and streets, their 党政机关, 159 嘎查村 + 23 社区 and 2000 registered poor
 * households. The first township and village of 准格尔旗 are reported: they are referred to, not
 * emitted, and get no designation (a synthetic fact must not attach to a reported node's props).
 */
export function generateGeography(a: BannerAnchors, out: Emitter, rng: Rng): Geography {
  const id = (k: string) => `syn:${a.code}:${k}`;
  const S = STRUCTURE;
  const townships: Township[] = [];
  for (let t = 0; t < S.townships + S.streets; t++) {
    const street = t >= S.townships;
    const n = street ? t - S.townships + 1 : t + 1;
    let ref: Ref;
    if (t === 0 && a.reported) ref = { label: 'AdminUnit', id: a.firstTownshipId };
    else {
      ref = out.node(
        'AdminUnit',
        street ? id(`street:${pad(n, 2)}`) : t === 0 ? a.firstTownshipId : id(`township:${pad(n, 2)}`),
        {
          name: street ? `示例街道${pad(n, 2)}` : `示例乡镇${pad(n, 2)}`,
          kind: street ? 'STREET' : 'TOWNSHIP',
        },
      );
      out.rel('LOCATED_IN', ref, a.banner);
    }
    const organ = out.node('Organization', id(`township-organ:${pad(t + 1, 2)}`), {
      name: street ? `示例街道党政机关${pad(n, 2)}` : `示例乡镇党政机关${pad(n, 2)}`,
      type: 'AGENCY',
      level: 'TOWNSHIP',
    });
    out.rel('LOCATED_IN', organ, ref);
    townships.push({ ref, organ, villages: [] });
  }

  // Choose designations before emitting villages, so each village node is written once.
  const candidates = Array.from({ length: S.gachaVillages - 1 }, (_, i) => i + 1);
  rng.shuffle(candidates);
  const backward = candidates.slice(0, S.backwardVillages);
  const demonstration = candidates.slice(S.backwardVillages, S.backwardVillages + S.demonstrationVillages);
  const designations = new Map<number, string[]>();
  for (const v of backward) designations.set(v, ['BACKWARD']);
  for (const v of demonstration) designations.set(v, ['NEW_COUNTRYSIDE_DEMONSTRATION']);

  const villages: Ref[] = [];
  const villageTownship = new Int32Array(S.gachaVillages + S.communities);
  const place = (sizes: number[], firstTownship: number, kind: 'GACHA_VILLAGE' | 'COMMUNITY') => {
    sizes.forEach((size, g) => {
      const t = firstTownship + g;
      for (let k = 0; k < size; k++) {
        const v = villages.length;
        const n = kind === 'GACHA_VILLAGE' ? v + 1 : v - S.gachaVillages + 1;
        let ref: Ref;
        if (v === 0 && a.reported) ref = { label: 'AdminUnit', id: a.firstVillageId };
        else {
          const props = {
            name: kind === 'GACHA_VILLAGE' ? `示例村${pad(n, 3)}` : `示例社区${pad(n, 3)}`,
            kind,
          };
          const d = designations.get(v);
          ref = out.node(
            'AdminUnit',
            kind === 'GACHA_VILLAGE' ? id(`village:${pad(n, 3)}`) : id(`community:${pad(n, 3)}`),
            d ? { ...props, designations: d } : props,
          );
          out.rel('LOCATED_IN', ref, townships[t].ref);
        }
        villages.push(ref);
        villageTownship[v] = t;
        townships[t].villages.push(v);
      }
    });
  };
  place(groups(S.gachaVillages, S.townships), 0, 'GACHA_VILLAGE');
  place(groups(S.communities, S.streets), S.townships, 'COMMUNITY');
  const gacha = Array.from({ length: S.gachaVillages }, (_, i) => i);
  const communities = Array.from({ length: S.communities }, (_, i) => S.gachaVillages + i);

  // Every village-level unit gets ⌊2000/182⌋ households, the remainder goes to random villages.
  const households: Ref[] = [];
  const householdVillage = new Int32Array(S.registeredHouseholds);
  const base = Math.floor(S.registeredHouseholds / villages.length);
  for (let h = 0; h < S.registeredHouseholds; h++) {
    const v = h < base * villages.length ? h % villages.length : rng.int(0, villages.length - 1);
    const ref = out.node('Household', id(`household:${pad(h + 1, 5)}`), {
      name: `示例户${pad(h + 1, 5)}`,
      registeredPoor: true,
      members: rng.int(1, 6),
    });
    out.rel('LOCATED_IN', ref, villages[v]);
    households.push(ref);
    householdVillage[h] = v;
  }
  return {
    townships,
    villages,
    villageTownship,
    gacha,
    communities,
    households,
    householdVillage,
    backward,
    demonstration,
  };
}
