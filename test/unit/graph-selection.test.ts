import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { graphNeedsCategories, selects } from '../../src/graphql/analytics-loaders';

/** The resolve info of the top-level field `field` (by response key) of a document's operation. */
function infoOf(doc: string, field: string) {
  const d = parse(doc);
  const op = d.definitions.find((x): x is OperationDefinitionNode => x.kind === Kind.OPERATION_DEFINITION)!;
  const fieldNodes = op.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && (s.alias ?? s.name).value === field,
  );
  const fragments = Object.fromEntries(
    d.definitions
      .filter((x): x is FragmentDefinitionNode => x.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return { fieldNodes, fragments };
}

describe('selects / graphNeedsCategories', () => {
  it('finds nodes { category } directly, under aliases, and in merged field nodes', () => {
    expect(
      graphNeedsCategories(infoOf('{ g: pairingGraph(rootIds: []) { nodes { id category } } }', 'g')),
    ).toBe(true);
    expect(
      graphNeedsCategories(infoOf('{ g: pairingGraph(rootIds: []) { ns: nodes { c: category } } }', 'g')),
    ).toBe(true);
    expect(
      graphNeedsCategories(
        infoOf(
          '{ g: pairingGraph(rootIds: []) { nodes { id } } g: pairingGraph(rootIds: []) { nodes { category } } }',
          'g',
        ),
      ),
    ).toBe(true);
  });

  it('does not mistake edges { category } or a category elsewhere for it', () => {
    expect(
      graphNeedsCategories(
        infoOf(
          '{ g: pairingGraph(rootIds: []) { nodes { id kind level } edges { category } truncated } }',
          'g',
        ),
      ),
    ).toBe(false);
    expect(
      graphNeedsCategories(
        infoOf(
          '{ g: pairingGraph(rootIds: []) { nodes { id } } h: pairingGraph(rootIds: []) { nodes { category } } }',
          'g',
        ),
      ),
    ).toBe(false);
    expect(graphNeedsCategories(infoOf('{ g: pairingGraph(rootIds: []) { truncated } }', 'g'))).toBe(false);
  });

  it('follows inline fragments and named fragments at any level', () => {
    const q = (sel: string, frags = '') =>
      infoOf(`{ g: pairingGraph(rootIds: []) { ${sel} } } ${frags}`, 'g');
    expect(graphNeedsCategories(q('... on PairingGraph { nodes { ... on GraphNode { category } } }'))).toBe(
      true,
    );
    expect(
      graphNeedsCategories(
        q('...G', 'fragment G on PairingGraph { nodes { ...N } } fragment N on GraphNode { category }'),
      ),
    ).toBe(true);
    expect(graphNeedsCategories(q('nodes { ...N }', 'fragment N on GraphNode { id depth }'))).toBe(false);
    expect(graphNeedsCategories(q('nodes { ... @include(if: false) { category } }'))).toBe(true); // conservative
    expect(selects(infoOf('{ g: pairingGraph(rootIds: []) { nodes { id } } }', 'g'), [])).toBe(false);
  });
});
