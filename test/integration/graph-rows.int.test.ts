import { buildSchema, type GraphQLObjectType } from 'graphql';
import { toGlobalId } from '../../src/graphql/ids';
import { loadTypeDefs } from '../../src/graphql/schema';
import { bearer } from '../support/auth';
import { startTestServer, type TestServer } from '../support/harness';

type Graph = { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

/**
 * A graph's rows carry only the properties its selected fields read (graphRowProps), or every
 * property when the whole record (`entity`, `pairing`) is selected. The law, for every field of
 * GraphNode and GraphEdge, every graph-returning field and every role: a field selected alone
 * answers exactly as it does beside the whole record. A field whose reads are not declared would
 * answer `undefined`-derived values (a name falling back to the key, a null level) and fail here.
 */
describe('graph rows carry what the selection reads', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  const schema = buildSchema(loadTypeDefs().join('\n'));
  const fieldsOf = (type: string, whole: string) =>
    Object.keys((schema.getType(type) as GraphQLObjectType).getFields()).filter((f) => f !== whole);
  const nodeFields = fieldsOf('GraphNode', 'entity');
  const edgeFields = fieldsOf('GraphEdge', 'pairing');

  const village = toGlobalId('AdminUnit', 'au:chenghao');
  const exemplar = toGlobalId('Person', 'person:liu-xianliang');
  /** Each field that answers a PairingGraph, as a document around `sel`, and where the graph is. */
  const graphs: [string, (sel: string) => string, (d: Record<string, unknown>) => Graph][] = [
    [
      'pairingGraph',
      (sel) => `{ pairingGraph(rootIds: ["${village}"], depth: 2) { ${sel} } }`,
      (d) => d.pairingGraph as Graph,
    ],
    [
      'egoNetwork',
      (sel) => `{ egoNetwork(id: "${exemplar}", hops: 2) { ${sel} } }`,
      (d) => d.egoNetwork as Graph,
    ],
    [
      'Exemplar.network',
      (sel) => `{ exemplars(first: 3) { edges { node { network(depth: 1) { ${sel} } } } } }`,
      (d) => {
        const edges = (d.exemplars as { edges: { node: { network: Graph } }[] }).edges;
        return {
          nodes: edges.flatMap((e) => e.node.network.nodes),
          edges: edges.flatMap((e) => e.node.network.edges),
        };
      },
    ],
  ];

  it('walks the fields of GraphNode and GraphEdge as the SDL declares them, not a hand-kept list', () => {
    expect(nodeFields.length).toBeGreaterThanOrEqual(9);
    expect(edgeFields.length).toBeGreaterThanOrEqual(9);
  });

  for (const [name, wrap, graphOf] of graphs) {
    it.each(['anonymous', 'analyst'])(
      `${name}: each node and edge field alone answers as beside the whole record (%s)`,
      async (role) => {
        const headers = role === 'anonymous' ? {} : await bearer(role);
        const ask = async (sel: string) => {
          const { body } = await s.gql<Record<string, unknown>>(wrap(sel), undefined, headers);
          expect(body.errors).toBeUndefined();
          return graphOf(body.data!);
        };
        const strip = (xs: Record<string, unknown>[], whole: string) =>
          xs.map(({ [whole]: _w, ...rest }) => rest);
        let seen = 0;
        for (const f of nodeFields) {
          const alone = await ask(`nodes { id ${f} }`);
          const beside = await ask(`nodes { id ${f} entity { __typename } }`);
          expect([f, alone.nodes]).toEqual([f, strip(beside.nodes, 'entity')]);
          seen += alone.nodes.length;
        }
        for (const f of edgeFields) {
          const alone = await ask(`edges { id ${f} }`);
          const beside = await ask(`edges { id ${f} pairing { __typename } }`);
          expect([f, alone.edges]).toEqual([f, strip(beside.edges, 'pairing')]);
          seen += alone.edges.length;
        }
        // the graphs are not empty: the law says something
        expect(seen).toBeGreaterThan(nodeFields.length + edgeFields.length);
      },
    );
  }
});
