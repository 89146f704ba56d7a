import {
  CASEWORK_KINDS,
  EVENT_KINDS,
  INSPECTION_KINDS,
  PLAN_SECTORS,
  WUSONG_THEMES,
} from '../../domain/model';
import { REPORTED_IDS, type BannerAnchors } from './anchors';
import { isoOf, WINDOWS } from './dates';
import { Emitter, pad, type Ref } from './emitter';
import type { Geography } from './geography';
import type { Network } from './network';
import type { Rng } from './rng';
import { STRUCTURE } from './structure';

const WUSONG: Ref = { label: 'Programme', id: REPORTED_IDS.programmes.wusong };

/**
 * Projects (2 region, 84 city, the rest on banner village pairings; amounts in whole hundreds of
 * yuan summing to exactly 1079万元), visits on village pairings, disputes, plans, casework,
 * 五送 events (brochures summing to 257839) and inspections. All dated after every pairing began
 * and on or before the report date.
 */
export function generateActivities(
  a: BannerAnchors,
  geo: Geography,
  net: Network,
  out: Emitter,
  rng: Rng,
): void {
  const S = STRUCTURE;
  const id = (k: string) => `syn:${a.code}:${k}`;
  const day = (w: readonly [number, number]) => rng.int(w[0], w[1]);
  const anyVillage = () => geo.villages[rng.int(0, geo.villages.length - 1)];

  // Region projects go to the 三到 pairing of each region agency (3rd and 6th), one each.
  const projectPairings: Ref[] = [
    a.regionPairings[2],
    a.regionPairings[5],
    ...rng.sample(net.cityPairings, S.cityProjects),
  ];
  while (projectPairings.length < S.projects) projectPairings.push(rng.pick(net.bannerVillagePairings));
  const units = rng.split(S.fundsYuan / S.fundsGranularityYuan, S.projects);
  projectPairings.forEach((p, i) => {
    const j = out.node('Project', id(`project:${pad(i + 1, 3)}`), {
      name: `示例项目${pad(i + 1, 3)}`,
      amountYuan: units[i] * S.fundsGranularityYuan,
      sector: rng.pick(PLAN_SECTORS),
      date: isoOf(day(WINDOWS.activity)),
    });
    out.rel('HAS_PROJECT', p, j);
  });

  for (let i = 0; i < S.visits; i++) {
    const v = out.node('Visit', id(`visit:${pad(i + 1, 4)}`), { date: isoOf(day(WINDOWS.activity)) });
    out.rel('HAS_VISIT', rng.pick(net.villagePairings), v);
  }

  const resolved = new Set(
    rng.sample(
      Array.from({ length: S.disputes }, (_, i) => i),
      S.disputesResolved,
    ),
  );
  for (let i = 0; i < S.disputes; i++) {
    const found = day(WINDOWS.disputeFound);
    const props = { name: `示例纠纷${pad(i + 1, 2)}`, foundOn: isoOf(found) };
    const d = out.node(
      'Dispute',
      id(`dispute:${pad(i + 1, 2)}`),
      resolved.has(i) ? { ...props, resolvedOn: isoOf(found + rng.int(3, 60)) } : props,
    );
    out.rel('LOCATED_IN', d, anyVillage());
  }

  for (let i = 0; i < S.plans; i++) {
    const p = out.node('Plan', id(`plan:${pad(i + 1, 3)}`), {
      name: `示例计划${pad(i + 1, 3)}`,
      sector: rng.pick(PLAN_SECTORS),
      date: isoOf(day(WINDOWS.activity)),
    });
    out.rel('FOR', p, anyVillage());
  }
  for (let i = 0; i < S.casework; i++) {
    const c = out.node('Casework', id(`casework:${pad(i + 1, 4)}`), {
      name: `示例事项${pad(i + 1, 4)}`,
      kind: rng.pick(CASEWORK_KINDS),
      date: isoOf(day(WINDOWS.activity)),
    });
    out.rel('FOR', c, anyVillage());
  }

  const brochures = rng.split(S.brochures, S.events);
  for (let i = 0; i < S.events; i++) {
    const e = out.node('Event', id(`event:${pad(i + 1, 3)}`), {
      name: `示例活动${pad(i + 1, 3)}`,
      kind: rng.pick(EVENT_KINDS),
      theme: WUSONG_THEMES[i % WUSONG_THEMES.length],
      brochures: brochures[i],
      date: isoOf(day(WINDOWS.activity)),
    });
    out.rel('HELD_IN', e, anyVillage());
    out.rel('UNDER', e, WUSONG);
  }

  for (let i = 0; i < S.inspections; i++) {
    const n = out.node('Inspection', id(`inspection:${i + 1}`), {
      name: `示例督查${i + 1}`,
      kind: INSPECTION_KINDS[i % INSPECTION_KINDS.length],
      date: isoOf(day(WINDOWS.inspection)),
    });
    out.rel('HELD_IN', n, a.banner);
  }
}
