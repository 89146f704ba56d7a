import type { GraphBatch, NodeRecord, PropValue } from '../../src/domain/records';
import { reportedBatch } from '../../src/seed/reported';
import { generateSynthetic, generateSyntheticBanners } from '../../src/seed/synthetic';
import { REPORTED_IDS } from '../../src/seed/synth/anchors';

const ON = '2013-04-16';
const VILLAGE_KINDS = ['GACHA_VILLAGE', 'COMMUNITY'];

/** A read-only in-memory view of reported + synthetic records, enough to recount the report's figures. */
class Graph {
  readonly node = new Map<string, NodeRecord>();
  private readonly outs = new Map<string, Map<string, string[]>>();
  private readonly ins = new Map<string, Map<string, string[]>>();

  constructor(...batches: GraphBatch[]) {
    for (const b of batches) for (const n of b.nodes) this.node.set(n.id, n);
    for (const b of batches) {
      for (const r of b.rels) {
        add(this.outs, r.from.id, r.type, r.to.id);
        add(this.ins, r.to.id, r.type, r.from.id);
      }
    }
  }
  out(id: string, type: string): string[] {
    return this.outs.get(id)?.get(type) ?? [];
  }
  in(id: string, type: string): string[] {
    return this.ins.get(id)?.get(type) ?? [];
  }
  p(id: string, key: string): PropValue | undefined {
    return this.node.get(id)?.props[key];
  }
  all(label: string): NodeRecord[] {
    return [...this.node.values()].filter((n) => n.label === label);
  }
  /** `(id)-[:LOCATED_IN*0..]->(area)`. */
  within(id: string, area: string): boolean {
    for (let x: string | undefined = id; x; x = this.out(x, 'LOCATED_IN')[0]) if (x === area) return true;
    return false;
  }
  isVillage(id: string): boolean {
    return this.node.get(id)?.label === 'AdminUnit' && VILLAGE_KINDS.includes(String(this.p(id, 'kind')));
  }
}

function add(m: Map<string, Map<string, string[]>>, a: string, t: string, b: string) {
  const byType = m.get(a) ?? new Map<string, string[]>();
  m.set(a, byType);
  const xs = byType.get(t);
  if (xs) xs.push(b);
  else byType.set(t, [b]);
}

const active = (g: Graph, id: string) =>
  String(g.p(id, 'validFrom')) <= ON && ON < String(g.p(id, 'validTo'));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The report's figures recounted for one banner (the same definitions as indicators.cypher.ts). */
function figures(g: Graph, area: string, exemplar: string, recognition: string) {
  const pairings = g
    .all('Pairing')
    .map((n) => n.id)
    .filter((p) => g.within(g.out(p, 'BENEFICIARY')[0], area));
  const b = (p: string) => g.out(p, 'BENEFICIARY')[0];
  const counted = pairings.filter(
    (p) =>
      ['ASSIST', 'STATIONED'].includes(String(g.p(p, 'kind'))) &&
      active(g, p) &&
      (g.node.get(b(p))?.label === 'Household' || g.isVillage(b(p))),
  );
  const byLevel = (l: string) => counted.filter((p) => g.p(p, 'level') === l);
  const helpers = (l: string, c: string) =>
    new Set(
      byLevel(l)
        .filter((p) => g.p(p, 'category') === c)
        .map((p) => g.out(p, 'HELPER')[0]),
    ).size;
  const villagesOf = (l: string) =>
    new Set(
      byLevel(l)
        .map(b)
        .filter((v) => g.isVillage(v)),
    ).size;
  const projects = pairings.flatMap((p) =>
    g.out(p, 'HAS_PROJECT').map((j) => ({ j, level: g.p(p, 'level') })),
  );
  const villages = g
    .all('AdminUnit')
    .filter((u) => u.id !== area && g.within(u.id, area) && VILLAGE_KINDS.includes(String(u.props.kind)));
  const inArea = (label: string, rel: string) =>
    g.all(label).filter((x) => g.out(x.id, rel).some((u) => g.within(u, area)));
  const tenures = g.all('Tenure').filter((t) => g.within(g.out(t.id, 'IN')[0], area) && active(g, t.id));
  const holder = (t: string) => g.in(t, 'HOLDS')[0];
  const roles = (person: string) => (g.p(person, 'roles') as string[] | undefined) ?? [];
  const officials = tenures.filter((t) => roles(holder(t.id)).includes('COLLEGE_VILLAGE_OFFICIAL'));
  const stationed = tenures
    .filter((t) => t.props.post === 'STATIONED_CADRE' && t.props.fullTime === true)
    .map((t) => holder(t.id));
  const sponsor = g.in(exemplar, 'HELPER').filter((p) => g.p(p, 'kind') === 'SPONSOR');
  const disputes = inArea('Dispute', 'LOCATED_IN');
  const events = inArea('Event', 'HELD_IN');
  return {
    pairs: {
      REGION: byLevel('REGION').length,
      CITY: byLevel('CITY').length,
      BANNER: byLevel('BANNER').length,
    },
    helpers: {
      region: helpers('REGION', 'AGENCY'),
      city: helpers('CITY', 'AGENCY'),
      cadres: helpers('BANNER', 'LEADING_CADRE'),
      agencies: helpers('BANNER', 'AGENCY'),
      enterprises: helpers('BANNER', 'ENTERPRISE'),
      seconded: helpers('BANNER', 'SECONDED_CADRE'),
    },
    beneficiaryVillages: {
      REGION: villagesOf('REGION'),
      CITY: villagesOf('CITY'),
      BANNER: villagesOf('BANNER'),
    },
    households: {
      paired: new Set(counted.map(b).filter((h) => g.node.get(h)?.label === 'Household')).size,
      registered: g.all('Household').filter((h) => g.within(h.id, area)).length,
    },
    villages: {
      gacha: villages.filter((v) => v.props.kind === 'GACHA_VILLAGE').length,
      community: villages.filter((v) => v.props.kind === 'COMMUNITY').length,
      demonstration: villages.filter((v) =>
        (v.props.designations as string[] | undefined)?.includes('NEW_COUNTRYSIDE_DEMONSTRATION'),
      ).length,
    },
    projects: {
      total: projects.length,
      region: projects.filter((x) => x.level === 'REGION').length,
      city: projects.filter((x) => x.level === 'CITY').length,
      yuan: sum(projects.map((x) => Number(g.p(x.j, 'amountYuan')))),
    },
    visits: pairings.filter((p) => g.isVillage(b(p))).flatMap((p) => g.out(p, 'HAS_VISIT')).length,
    disputes: {
      found: disputes.length,
      resolved: disputes.filter((d) => d.props.resolvedOn !== undefined).length,
    },
    plans: inArea('Plan', 'FOR').length,
    casework: inArea('Casework', 'FOR').length,
    events: {
      count: events.length,
      brochures: sum(events.map((e) => Number(e.props.brochures))),
      themes: new Set(events.map((e) => e.props.theme)).size,
    },
    inspections: inArea('Inspection', 'HELD_IN').length,
    stationed: new Set(stationed).size,
    promoted:
      new Set(stationed).size &&
      stationed.filter((x) => g.out(x, 'HOLDS').some((t) => g.p(t, 'post') === 'DEPUTY_SECTION_CHIEF'))
        .length,
    transferredSecretaries: tenures.filter(
      (t) =>
        t.props.post === 'VILLAGE_SECRETARY' &&
        roles(holder(t.id)).includes('TRANSFERRED_VILLAGE_CADRE') &&
        (g.p(g.out(t.id, 'IN')[0], 'designations') as string[] | undefined)?.includes('BACKWARD'),
    ).length,
    officials: new Set(officials.map((t) => holder(t.id))).size,
    officialsByPost: Object.fromEntries(
      [...new Set(officials.map((t) => String(t.props.post)))]
        .sort()
        .map((post) => [post, officials.filter((t) => t.props.post === post).length]),
    ),
    sponsored: {
      students: sponsor.length,
      firstYear: Math.min(...sponsor.map((p) => Number(String(g.p(p, 'validFrom')).slice(0, 4)))),
    },
    featured: {
      organizations: g.out(recognition, 'FEATURES').filter((x) => g.node.get(x)?.label === 'Organization')
        .length,
      persons: g.out(recognition, 'FEATURES').filter((x) => g.node.get(x)?.label === 'Person').length,
    },
  };
}

/** The report's figures, with the synthetic choices for 200余项 (213) and 2000多件 (2046). */
const REPORT = {
  pairs: { REGION: 6, CITY: 649, BANNER: 2015 },
  helpers: { region: 2, city: 25, cadres: 54, agencies: 76, enterprises: 155, seconded: 159 },
  beneficiaryVillages: { REGION: 1, CITY: 182, BANNER: 182 },
  households: { paired: 1924, registered: 2000 },
  villages: { gacha: 159, community: 23, demonstration: 40 },
  projects: { total: 696, region: 2, city: 84, yuan: 10_790_000 },
  visits: 1192,
  disputes: { found: 35, resolved: 30 },
  plans: 213,
  casework: 2046,
  events: { count: 205, brochures: 257_839, themes: 5 },
  inspections: 5,
  stationed: 159,
  promoted: 7,
  transferredSecretaries: 16,
  officials: 132,
  officialsByPost: {
    COMMITTEE_MEMBER: 54,
    COMMUNITY_DEPUTY_DIRECTOR: 11,
    COMMUNITY_DEPUTY_SECRETARY: 6,
    COMMUNITY_DIRECTOR: 6,
    COMMUNITY_SECRETARY: 4,
    VILLAGE_DEPUTY_DIRECTOR: 23,
    VILLAGE_DEPUTY_SECRETARY: 21,
    VILLAGE_DIRECTOR: 3,
    VILLAGE_SECRETARY: 4,
  },
  sponsored: { students: 38, firstYear: 1991 },
  featured: { organizations: 6, persons: 8 },
};

const reported = reportedBatch();
const scale1 = generateSynthetic(1);
const g1 = new Graph(reported, scale1);

describe('synthetic layer at scale 1', () => {
  it('reproduces every figure of the report for 准格尔旗', () => {
    expect(figures(g1, REPORTED_IDS.banner, REPORTED_IDS.exemplar, REPORTED_IDS.recognition)).toEqual(REPORT);
  });

  it('makes only SYNTHETIC nodes with syn: ids and 示例 names', () => {
    expect(scale1.nodes.filter((n) => n.provenance !== 'SYNTHETIC' || !n.id.startsWith('syn:'))).toEqual([]);
    expect(
      scale1.nodes.filter((n) => n.props.name !== undefined && !String(n.props.name).startsWith('示例')),
    ).toEqual([]);
  });

  it('never re-emits or collides with a reported id', () => {
    const ids = new Set(reported.nodes.map((n) => n.id));
    expect(scale1.nodes.filter((n) => ids.has(n.id)).map((n) => n.id)).toEqual([]);
  });

  it('refers only to reported nodes that exist, with their labels', () => {
    const label = new Map([...reported.nodes, ...scale1.nodes].map((n) => [n.id, n.label]));
    const bad = scale1.rels.filter(
      (r) => label.get(r.from.id) !== r.from.label || label.get(r.to.id) !== r.to.label,
    );
    expect(bad).toEqual([]);
  });

  it('pairs every village-level unit with at least one city agency', () => {
    const villages = g1.all('AdminUnit').filter((u) => g1.isVillage(u.id));
    const withCity = new Set(
      g1
        .all('Pairing')
        .filter((p) => p.props.level === 'CITY')
        .map((p) => g1.out(p.id, 'BENEFICIARY')[0]),
    );
    expect(villages.filter((v) => !withCity.has(v.id))).toEqual([]);
  });

  it('pairs each household with one helper at most', () => {
    const households = g1
      .all('Pairing')
      .map((p) => g1.out(p.id, 'BENEFICIARY')[0])
      .filter((b) => g1.node.get(b)?.label === 'Household');
    expect(new Set(households).size).toBe(households.length);
  });

  it('sums project amounts to 1079万元 in whole hundreds of yuan', () => {
    const amounts = g1.all('Project').map((p) => Number(p.props.amountYuan));
    expect(amounts.every((a) => Number.isInteger(a) && a > 0 && a % 100 === 0)).toBe(true);
    expect(sum(amounts)).toBe(10_790_000);
  });

  it('resolves 30 of 35 disputes: 85.71%', () => {
    const f = figures(g1, REPORTED_IDS.banner, REPORTED_IDS.exemplar, REPORTED_IDS.recognition).disputes;
    expect(Math.round((10_000 * f.resolved) / f.found) / 100).toBe(85.71);
  });
});

describe('quotas of the report hold for every helper', () => {
  const byHelper = new Map<string, { kind: string; b: string }[]>();
  for (const p of g1.all('Pairing')) {
    const h = g1.out(p.id, 'HELPER')[0];
    byHelper.set(h, [
      ...(byHelper.get(h) ?? []),
      { kind: String(p.props.kind), b: g1.out(p.id, 'BENEFICIARY')[0] },
    ]);
  }
  const shape = (h: string) => {
    const ps = byHelper.get(h) ?? [];
    const kindOf = (b: string) =>
      g1.node.get(b)?.label === 'AdminUnit' ? String(g1.p(b, 'kind')) : g1.node.get(b)?.label;
    return {
      liaison: ps.filter((x) => x.kind === 'LIAISON' && ['TOWNSHIP', 'STREET'].includes(String(kindOf(x.b))))
        .length,
      villages: ps.filter((x) => x.kind !== 'LIAISON' && g1.isVillage(x.b)).length,
      gacha: ps.filter((x) => kindOf(x.b) === 'GACHA_VILLAGE').length,
      households: ps.filter((x) => kindOf(x.b) === 'Household').length,
      students: ps.filter((x) => kindOf(x.b) === 'Student').length,
    };
  };
  const persons = (rank: string) =>
    g1.all('Person').filter((p) => p.props.rank === rank && p.id.startsWith('syn:b001:cadre'));

  it('county cadres: 1 township, 1 village, 2 households each', () => {
    expect(persons('COUNTY')).toHaveLength(54);
    for (const c of persons('COUNTY'))
      expect(shape(c.id)).toMatchObject({ liaison: 1, villages: 1, households: 2, students: 0 });
  });

  it('banner agencies: ≥ 1 village, ≥ 3 households, exactly 1 seconded cadre each', () => {
    const agencies = g1
      .all('Organization')
      .filter((o) => o.props.level === 'BANNER' && o.id.includes(':banner-agency:'));
    expect(agencies).toHaveLength(76);
    const seconded = g1
      .all('Tenure')
      .filter((t) => t.props.post === 'STATIONED_CADRE')
      .map((t) => g1.out(t.id, 'SECONDED_FROM')[0]);
    for (const a of agencies) {
      const s = shape(a.id);
      expect(s.villages).toBeGreaterThanOrEqual(1);
      expect(s.households).toBeGreaterThanOrEqual(3);
      expect(seconded.filter((x) => x === a.id)).toHaveLength(1);
    }
  });

  it('township cadres: ≥ 1 household and 1 student each', () => {
    expect(persons('SECTION')).toHaveLength(459);
    for (const c of persons('SECTION')) expect(shape(c.id)).toMatchObject({ households: 1, students: 1 });
  });

  it('enterprises: exactly 1 嘎查村 each', () => {
    for (const e of g1.all('Enterprise'))
      expect(shape(e.id)).toMatchObject({ gacha: 1, villages: 1, households: 0 });
  });

  it('the 7 promoted seconded cadres have rank DEPUTY_SECTION and a DEPUTY_SECTION_CHIEF tenure', () => {
    const promoted = g1.all('Person').filter((p) => p.props.rank === 'DEPUTY_SECTION');
    expect(promoted).toHaveLength(7);
    for (const p of promoted) {
      expect(
        g1
          .out(p.id, 'HOLDS')
          .map((t) => g1.p(t, 'post'))
          .sort(),
      ).toEqual(['DEPUTY_SECTION_CHIEF', 'STATIONED_CADRE']);
    }
  });

  it('one seconded cadre stationed in each of the 159 嘎查村', () => {
    const at = g1
      .all('Tenure')
      .filter((t) => t.props.post === 'STATIONED_CADRE')
      .map((t) => g1.out(t.id, 'IN')[0]);
    expect(new Set(at).size).toBe(159);
    expect(at.every((v) => g1.p(v, 'kind') === 'GACHA_VILLAGE')).toBe(true);
  });
});

describe('synthetic layer across scales', () => {
  it('is deterministic', () => {
    expect(JSON.stringify(generateSynthetic(1))).toBe(JSON.stringify(scale1));
  });

  it('scale 2 adds a banner with the same structure and leaves 准格尔旗’s figures unchanged', () => {
    const batches = [...generateSyntheticBanners(2)];
    expect(batches).toHaveLength(2);
    const g2 = new Graph(reported, ...batches);
    expect(figures(g2, REPORTED_IDS.banner, REPORTED_IDS.exemplar, REPORTED_IDS.recognition)).toEqual(REPORT);
    expect(figures(g2, 'syn:b002:banner', 'syn:b002:exemplar', 'syn:b002:recognition')).toEqual(REPORT);
    const count = (b: GraphBatch, label: string) => b.nodes.filter((n) => n.label === label).length;
    for (const label of [
      'Household',
      'Student',
      'Project',
      'Visit',
      'Dispute',
      'Plan',
      'Casework',
      'Event',
      'Tenure',
      'Enterprise',
    ]) {
      expect([label, count(batches[1], label)]).toEqual([label, count(batches[0], label)]);
    }
    const ids = [...reported.nodes, ...batches.flatMap((b) => b.nodes)].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rejects a scale that is not a positive integer', () => {
    expect(() => generateSynthetic(0)).toThrow(RangeError);
    expect(() => generateSynthetic(1.5)).toThrow('integer ≥ 1');
  });
});
