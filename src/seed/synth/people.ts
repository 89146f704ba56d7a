import { OPEN_END, type Post } from '../../domain/model';
import type { BannerAnchors } from './anchors';
import { isoOf, WINDOWS } from './dates';
import { Emitter, pad, type Ref } from './emitter';
import type { Geography } from './geography';
import type { Network } from './network';
import type { Rng } from './rng';
import { COLLEGE_OFFICIAL_POSTS, STRUCTURE } from './structure';

/**
 * Dated posts and people around the network: the 159 full-time secondments, 7 promotions,
 * 16 transferred cadres as secretaries of the BACKWARD villages, 132 大学生村官 in the 两委,
 * the recognition's 6 organizations and 8 persons, and the exemplar's 38 sponsored students.
 */
export function generatePeople(a: BannerAnchors, geo: Geography, net: Network, out: Emitter, rng: Rng): void {
  const S = STRUCTURE;
  const id = (k: string) => `syn:${a.code}:${k}`;
  let tenureSeq = 0;
  const tenure = (
    holder: Ref,
    post: Post,
    at: Ref,
    validFrom: string,
    extra: Record<string, boolean> = {},
  ): Ref => {
    const t = out.node('Tenure', id(`tenure:${pad(++tenureSeq, 4)}`), {
      post,
      validFrom,
      validTo: OPEN_END,
      ...extra,
    });
    out.rel('HOLDS', holder, t);
    out.rel('IN', t, at);
    return t;
  };
  const election = () => isoOf(rng.int(WINDOWS.election[0], WINDOWS.election[1]));

  net.secondedCadres.forEach((cadre, j) => {
    const t = tenure(cadre, 'STATIONED_CADRE', geo.villages[net.stationedVillage[j]], net.stationedFrom[j], {
      fullTime: true,
    });
    out.rel('SECONDED_FROM', t, net.secondedFrom[j]);
  });
  for (const j of net.promoted) {
    tenure(
      net.secondedCadres[j],
      'DEPUTY_SECTION_CHIEF',
      net.secondedFrom[j],
      isoOf(rng.int(WINDOWS.promotion[0], WINDOWS.promotion[1])),
    );
  }

  geo.backward.forEach((v, i) => {
    const p = out.node('Person', id(`village-cadre:${pad(i + 1, 2)}`), {
      name: `示例村干部${pad(i + 1, 2)}`,
      rank: 'NONE',
      roles: ['TRANSFERRED_VILLAGE_CADRE'],
      transferredYear: 2011,
    });
    tenure(p, 'VILLAGE_SECRETARY', geo.villages[v], election());
  });

  // 大学生村官: secretaries and directors in distinct units (never a BACKWARD village's secretary,
  // which the transferred cadres hold); deputies in distinct units per post; members anywhere.
  const backward = new Set(geo.backward);
  const gachaFree = geo.gacha.filter((v) => !backward.has(v) && v !== 0);
  let officialSeq = 0;
  for (const [post, n] of COLLEGE_OFFICIAL_POSTS) {
    const units =
      post === 'COMMITTEE_MEMBER'
        ? Array.from({ length: n }, () => rng.int(0, geo.villages.length - 1))
        : rng.sample(post.startsWith('COMMUNITY') ? geo.communities : gachaFree, n);
    for (const v of units) {
      const p = out.node('Person', id(`village-official:${pad(++officialSeq, 3)}`), {
        name: `示例村官${pad(officialSeq, 3)}`,
        rank: 'NONE',
        roles: ['COLLEGE_VILLAGE_OFFICIAL'],
      });
      tenure(p, post, geo.villages[v], election());
    }
  }

  const branchVillages = rng.sample(
    geo.villages.map((_, v) => v),
    S.featuredOrganizations,
  );
  branchVillages.forEach((v, i) => {
    const o = out.node('Organization', id(`party-branch:${pad(i + 1, 2)}`), {
      name: `示例党支部${pad(i + 1, 2)}`,
      type: 'PARTY_ORGANIZATION',
      level: 'VILLAGE',
    });
    out.rel('LOCATED_IN', o, geo.villages[v]);
    out.rel('FEATURES', a.recognition, o);
  });
  for (const p of rng.sample(net.secondedCadres, S.featuredPersons)) out.rel('FEATURES', a.recognition, p);

  // The exemplar's students: the first in 1991 (2013 − 22), spread evenly to 2012; 4 years each.
  const years = S.sponsorLastYear - S.sponsorFirstYear;
  for (let s = 0; s < S.sponsoredStudents; s++) {
    const year = S.sponsorFirstYear + Math.floor((s * (years + 1)) / S.sponsoredStudents);
    const n = S.townshipCadres + s + 1;
    const student = out.node('Student', id(`student:${pad(n, 4)}`), {
      name: `示例学生${pad(n, 4)}`,
    });
    out.rel('LOCATED_IN', student, a.banner);
    const p = out.node('Pairing', id(`pairing:sponsor:${pad(s + 1, 2)}`), {
      kind: 'SPONSOR',
      mode: 'ONE_TO_MANY',
      validFrom: `${year}-09-01`,
      validTo: `${year + 4}-07-01`,
    });
    out.rel('HELPER', p, a.exemplar);
    out.rel('BENEFICIARY', p, student);
  }
}
