import { OPEN_END } from '../../domain/model';
import { Emitter, pad, type Ref } from './emitter';
import type { Rng } from './rng';
import { isoOf, WINDOWS } from './dates';
import { STRUCTURE } from './structure';

/**
 * The nodes a banner's synthetic network hangs on. For 准格尔旗 they are REPORTED nodes, referred
 * to by id and never re-emitted; for every further banner they are synthetic stand-ins made here.
 */
export interface BannerAnchors {
  /** Short code used in ids: b001 is 准格尔旗, b002… the synthetic copies. */
  code: string;
  /** True for 准格尔旗: the first township and village are reported and must not be emitted. */
  reported: boolean;
  banner: Ref;
  /** The first township (城壕村所属乡镇) and the first 嘎查村 (城壕村) in 准格尔旗. */
  firstTownshipId: string;
  firstVillageId: string;
  /** The 6 region-level pairings (helpers ×  programmes) with the first village. */
  regionPairings: Ref[];
  leadingGroupOffice: Ref;
  recognition: Ref;
  exemplar: Ref;
}

/** Reported ids the synthetic layer refers to (checked against seeds/report.json by the unit tests). */
export const REPORTED_IDS = {
  region: 'au:nmg',
  city: 'au:ordos',
  banner: 'au:zhungeer',
  firstTownship: 'au:chenghao-township',
  firstVillage: 'au:chenghao',
  office: 'org:zhungeer-lg-office',
  recognition: 'rec:qiyue-jujiao',
  exemplar: 'person:liu-xianliang',
  regionPairings: [
    'pair:xinhua-nmg:chenghao:gubeng',
    'pair:xinhua-nmg:chenghao:wanming',
    'pair:xinhua-nmg:chenghao:sandao',
    'pair:nmg-finance-office:chenghao:gubeng',
    'pair:nmg-finance-office:chenghao:wanming',
    'pair:nmg-finance-office:chenghao:sandao',
  ],
  programmes: {
    gubeng: 'prog:gubeng',
    wanming: 'prog:wanming',
    sandao: 'prog:sandao',
    xiajiceng: 'prog:xiajiceng',
    wusong: 'prog:wusong',
  },
} as const;

const REGION_PROGRAMMES = [
  REPORTED_IDS.programmes.gubeng,
  REPORTED_IDS.programmes.wanming,
  REPORTED_IDS.programmes.sandao,
];

/** Region-level stand-ins shared by all synthetic copies (emitted once, with the first batch). */
export const regionAgencyRef = (i: number): Ref => ({
  label: 'Organization',
  id: `syn:region-agency:${pad(i + 1, 2)}`,
});
export const cityAgencyRef = (i: number): Ref => ({
  label: 'Organization',
  id: `syn:city-agency:${pad(i + 1, 2)}`,
});

export function baseAnchors(): BannerAnchors {
  const r = REPORTED_IDS;
  return {
    code: 'b001',
    reported: true,
    banner: { label: 'AdminUnit', id: r.banner },
    firstTownshipId: r.firstTownship,
    firstVillageId: r.firstVillage,
    regionPairings: r.regionPairings.map((id) => ({ label: 'Pairing', id })),
    leadingGroupOffice: { label: 'Organization', id: r.office },
    recognition: { label: 'Recognition', id: r.recognition },
    exemplar: { label: 'Person', id: r.exemplar },
  };
}

/**
 * Emits the stand-ins of the reported anchors for synthetic banner `index` (≥ 1): the banner
 * itself, its leading group (office and five functional groups), budgets, goals, recognition,
 * exemplar and the 6 region-level pairings — the same shape as the reported facts of 准格尔旗.
 */
export function copyAnchors(index: number, out: Emitter, rng: Rng): BannerAnchors {
  const code = `b${pad(index + 1, 3)}`;
  const name = `示例旗${pad(index + 1, 3)}`;
  const p = (k: string) => `syn:${code}:${k}`;
  const prog = (id: string): Ref => ({ label: 'Programme', id });
  const banner = out.node('AdminUnit', p('banner'), { name, kind: 'BANNER' });
  out.rel('LOCATED_IN', banner, { label: 'AdminUnit', id: REPORTED_IDS.city });

  const org = (k: string, orgName: string, groupRole: string, parent: Ref | null) => {
    const o = out.node('Organization', p(k), {
      name: orgName,
      type: 'LEADING_GROUP',
      level: 'BANNER',
      groupRole,
    });
    out.rel('LOCATED_IN', o, banner);
    if (parent) out.rel('PART_OF', o, parent);
    return o;
  };
  const group = org('leading-group', `${name}领导小组`, 'GROUP', null);
  const office = org('lg-office', `${name}领导小组办公室`, 'OFFICE', group);
  ['综合组', '宣讲组', '宣传组', '考核组', '督导组'].forEach((g, i) =>
    org(`lg-group:${i + 1}`, `${name}${g}`, 'FUNCTIONAL_GROUP', office),
  );

  for (const [year, amountYuan] of [
    [2011, 150_000],
    [2012, 300_000],
  ] as const) {
    const b = out.node('Budget', p(`budget:${year}`), {
      name: `${name}工作经费（${year}年）`,
      year,
      amountYuan,
    });
    out.rel('FOR', b, office);
    out.rel('UNDER', b, prog(REPORTED_IDS.programmes.xiajiceng));
  }
  for (const [k, targetPersons, horizon, validTo] of [
    ['this-year', 5000, 'THIS_YEAR', '2014-01-01'],
    ['three-years', 15000, 'THREE_YEARS', '2016-01-01'],
  ] as const) {
    const g = out.node('Goal', p(`goal:${k}`), {
      name: `${name}脱贫目标`,
      targetPersons,
      horizon,
      validFrom: '2013-01-01',
      validTo,
    });
    out.rel('FOR', g, banner);
    out.rel('UNDER', g, prog(REPORTED_IDS.programmes.sandao));
  }
  const recognition = out.node('Recognition', p('recognition'), {
    name: `示例宣传栏目${pad(index + 1, 3)}`,
  });
  out.rel('FOR', recognition, banner);
  const exemplar = out.node('Person', p('exemplar'), {
    name: `示例助学典型${pad(index + 1, 3)}`,
    rank: 'NONE',
    roles: ['EXEMPLAR'],
  });
  out.rel('LOCATED_IN', exemplar, banner);

  const firstVillage: Ref = { label: 'AdminUnit', id: p('village:001') };
  const regionPairings: Ref[] = [];
  for (let a = 0; a < STRUCTURE.regionAgencies; a++) {
    for (const programme of REGION_PROGRAMMES) {
      const pr = out.node('Pairing', p(`pairing:region:${regionPairings.length + 1}`), {
        level: 'REGION',
        category: 'AGENCY',
        kind: 'ASSIST',
        mode: 'ONE_TO_ONE',
        validFrom: isoOf(rng.int(WINDOWS.pairingStart[0], WINDOWS.pairingStart[1])),
        validTo: OPEN_END,
      });
      out.rel('HELPER', pr, regionAgencyRef(a));
      out.rel('BENEFICIARY', pr, firstVillage);
      out.rel('UNDER', pr, prog(programme));
      regionPairings.push(pr);
    }
  }
  return {
    code,
    reported: false,
    banner,
    firstTownshipId: p('township:01'),
    firstVillageId: firstVillage.id,
    regionPairings,
    leadingGroupOffice: office,
    recognition,
    exemplar,
  };
}

/** Shared synthetic helpers: 25 city agencies (always) and the 2 region stand-ins (only when copies exist). */
export function emitShared(out: Emitter, withCopies: boolean): void {
  for (let i = 0; i < STRUCTURE.cityAgencies; i++) {
    const o = out.node('Organization', cityAgencyRef(i).id, {
      name: `示例市直单位${pad(i + 1, 2)}`,
      type: 'AGENCY',
      level: 'CITY',
    });
    out.rel('LOCATED_IN', o, { label: 'AdminUnit', id: REPORTED_IDS.city });
  }
  if (!withCopies) return;
  for (let i = 0; i < STRUCTURE.regionAgencies; i++) {
    const o = out.node('Organization', regionAgencyRef(i).id, {
      name: `示例区直单位${pad(i + 1, 2)}`,
      type: 'AGENCY',
      level: 'REGION',
    });
    out.rel('LOCATED_IN', o, { label: 'AdminUnit', id: REPORTED_IDS.region });
  }
}
