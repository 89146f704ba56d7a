import type { GraphBatch } from '../../src/domain/records';
import { holdsNoGraphNode, resetGraph, seed } from '../../src/seed/seed';
import { loadBatch, type Absent } from '../../src/store/load';
import { startSecondNeo4j, type SecondNeo4j } from '../support/second-neo4j';
import { wholeGraph } from '../support/whole-graph';

/**
 * The bulk path (CREATE into an empty store, parallel transactions) writes exactly the graph the
 * MERGE path writes: every node with its labels and properties, every relationship with its type,
 * ends and properties. Run in a Neo4j of its own, since it empties its database between loads.
 */
describe('bulk loading', () => {
  let db: SecondNeo4j;
  beforeAll(async () => {
    db = await startSecondNeo4j();
  }, 420_000);
  afterAll(() => db?.stop());

  it('seeds scale 1 into an empty store on the bulk path, giving the MERGE path’s graph record for record', async () => {
    const gw = db.gateway;
    expect(await holdsNoGraphNode(gw)).toBe(true);
    const merged = await seed(gw, { scale: 1, bulk: false });
    expect(merged.bulk).toBe(false);
    const viaMerge = await wholeGraph(gw);

    await resetGraph(gw);
    const bulk = await seed(gw, { scale: 1, parallel: 2, batchSize: 1_000 });
    expect(bulk.bulk).toBe(true);
    expect({ nodes: bulk.nodes, rels: bulk.rels }).toEqual({ nodes: merged.nodes, rels: merged.rels });
    const viaBulk = await wholeGraph(gw);
    expect(viaBulk.nodes).toHaveLength(viaMerge.nodes.length);
    expect(viaBulk.rels).toHaveLength(viaMerge.rels.length);
    expect(viaBulk).toEqual(viaMerge);

    // a second seed finds graph nodes, takes the MERGE path, and changes nothing
    const again = await seed(gw, { scale: 1, parallel: 2 });
    expect(again.bulk).toBe(false);
    expect(await wholeGraph(gw)).toEqual(viaMerge);
  }, 900_000);

  /**
   * A batch with what CREATE could get wrong: a node and a relationship given twice (later
   * properties win, as with MERGE + SET +=), a node already stored, a relationship between two
   * stored nodes that already exists, citations listed twice.
   */
  const stored: GraphBatch = {
    nodes: [
      { label: 'Source', id: 't:src', provenance: 'REPORTED', props: { title: 'T' } },
      { label: 'Citation', id: 't:cit', provenance: 'REPORTED', props: { quote: 'q' } },
      { label: 'Organization', id: 't:org1', provenance: 'SYNTHETIC', props: { name: 'A', level: 1 } },
      { label: 'Organization', id: 't:org2', provenance: 'SYNTHETIC', props: { name: 'B' } },
    ],
    rels: [
      { type: 'FROM', from: { label: 'Citation', id: 't:cit' }, to: { label: 'Source', id: 't:src' } },
      {
        type: 'PART_OF',
        from: { label: 'Organization', id: 't:org1' },
        to: { label: 'Organization', id: 't:org2' },
        props: { since: 1 },
      },
    ],
  };
  const tricky: GraphBatch = {
    nodes: [
      { label: 'Organization', id: 't:org1', provenance: 'SYNTHETIC', props: { name: 'A2' } },
      { label: 'Organization', id: 't:org3', provenance: 'SYNTHETIC', props: { name: 'C', level: 2 } },
      {
        label: 'Organization',
        id: 't:org3',
        provenance: 'REPORTED',
        props: { name: 'C2', aliases: ['c'] },
        citations: ['t:cit', 't:cit'],
      },
      { label: 'Person', id: 't:p1', provenance: 'SYNTHETIC', props: { name: 'P' }, citations: ['t:cit'] },
    ],
    rels: [
      {
        type: 'PART_OF',
        from: { label: 'Organization', id: 't:org1' },
        to: { label: 'Organization', id: 't:org2' },
        props: { since: 2 },
      },
      {
        type: 'PART_OF',
        from: { label: 'Organization', id: 't:org3' },
        to: { label: 'Organization', id: 't:org2' },
        props: { since: 3, note: 'x' },
      },
      {
        type: 'PART_OF',
        from: { label: 'Organization', id: 't:org3' },
        to: { label: 'Organization', id: 't:org2' },
        props: { since: 4 },
      },
      {
        type: 'MEMBER_OF',
        from: { label: 'Person', id: 't:p1' },
        to: { label: 'Organization', id: 't:org1' },
      },
    ],
  };

  it.each<[Absent, number]>([
    ['lookup', 1],
    ['lookup', 2],
  ])(
    'absent=%s, %i in flight: repeated records, stored nodes and existing relationships give the MERGE graph',
    async (absent, parallel) => {
      const gw = db.gateway;
      const load = async (a: Absent) => {
        await resetGraph(gw);
        await loadBatch(gw, stored, { absent: 'all' });
        await loadBatch(gw, tricky, { absent: a, parallel, batchSize: 1 });
        return wholeGraph(gw);
      };
      const viaMerge = await load('none');
      // FROM, PART_OF ×2 (one already stored), MEMBER_OF, SUPPORTED_BY ×2 (a citation listed twice)
      expect(viaMerge.rels).toHaveLength(6);
      expect(viaMerge.nodes).toHaveLength(6);
      expect(await load(absent)).toEqual(viaMerge);
    },
    120_000,
  );

  it('absent=all with a node that is in fact stored fails on the id constraint rather than duplicating it', async () => {
    const gw = db.gateway;
    await resetGraph(gw);
    await loadBatch(gw, stored, { absent: 'all' });
    await expect(loadBatch(gw, tricky, { absent: 'all' })).rejects.toThrow(
      'the change conflicts with a stored record',
    );
    const [{ n }] = await gw.read(
      't.bulk.org1',
      "MATCH (o:Organization {id: 't:org1'}) RETURN count(o) AS n",
    );
    expect(n).toBe(1);
  }, 120_000);
});
