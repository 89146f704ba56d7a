import fs from 'node:fs';
import { QUOTA_RULE_IDS, QUOTA_RULES, quotaRule, shortfalls } from '../../src/domain/quota-rules';
import { REPORT_FILE } from '../../src/seed/reported';
import { Params } from '../../src/store/reads/filter';
import { violationCountCypher, violationsCypher } from '../../src/store/analytics/quota.cypher';

const citations = (
  JSON.parse(fs.readFileSync(REPORT_FILE, 'utf8')) as { citations: { id: string; quote: string }[] }
).citations;

describe('quota rules as data', () => {
  it('has exactly one definition per rule id, each citing a quote of the report that states its minimums', () => {
    expect(QUOTA_RULES.map((r) => r.id)).toEqual([...QUOTA_RULE_IDS]);
    for (const r of QUOTA_RULES) {
      const quote = citations.find((c) => c.id === r.citationId)?.quote;
      expect(quote).toBeDefined();
      for (const q of r.requirements) expect(quote).toContain(String(q.min));
      expect(new Set(r.requirements.map((q) => q.key)).size).toBe(r.requirements.length);
    }
  });

  it('reports only the requirements below their minimum, with what is missing', () => {
    const county = quotaRule('COUNTY_CADRE');
    expect(shortfalls(county, [1, 1, 2])).toEqual([]);
    expect(shortfalls(county, [1, 1, 5])).toEqual([]); // more is never a violation
    expect(shortfalls(county, [0, 1, 1]).map((f) => [f.requirement.key, f.actual, f.missing])).toEqual([
      ['township', 0, 1],
      ['households', 1, 1],
    ]);
    expect(() => shortfalls(county, [1, 1])).toThrow('COUNTY_CADRE: expected 3 counts, got 2');
  });
});

describe('quota Cypher', () => {
  it('takes the day, the area, minimums and the page position as parameters only', () => {
    const params = new Params({ on: '2013-04-16', areaId: 'au:x', limit: 21 });
    const cypher = violationsCypher(QUOTA_RULES, ['COUNTY_CADRE', "o'brien"], true, params);
    expect(cypher).not.toContain("o'brien");
    expect(cypher).not.toContain('2013-04-16');
    expect(Object.values(params.values)).toContainEqual("o'brien");
    expect(Object.values(params.values)).toContainEqual([1, 1, 2]);
  });

  it('skips the rules a page has passed, seeks within the current one and keeps the later ones', () => {
    const params = new Params();
    const cypher = violationsCypher(QUOTA_RULES, ['COUNTY_CADRE', 'p:9'], false, params);
    // Rules sort by id: BANNER_AGENCY < COUNTY_CADRE < ENTERPRISE < SECTION_CADRE.
    expect(cypher).not.toContain('MATCH (h:Organization)');
    expect(cypher.match(/MATCH \(h:Person\)/g)).toHaveLength(2); // COUNTY_CADRE (seeking) and SECTION_CADRE
    expect(cypher).toContain('MATCH (h:Enterprise)');
    expect(cypher.match(/h\.id > \$/g)).toHaveLength(1);
    expect(violationCountCypher([], false, new Params())).toContain('UNWIND [] AS h');
  });
});
