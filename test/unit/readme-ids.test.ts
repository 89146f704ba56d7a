import {
  buildASTSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type SelectionSetNode,
} from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';
import { readmeExamples } from '../support/readme-examples';

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));

const selectsId = (set: SelectionSetNode): boolean =>
  set.selections.some(
    (s) =>
      (s.kind === Kind.FIELD && s.name.value === 'id' && !s.alias) ||
      (s.kind === Kind.INLINE_FRAGMENT && selectsId(s.selectionSet)),
  );

/** Paths of selections on a type with an `id` that do not select it. */
function missingIds(query: string): string[] {
  const missing: string[] = [];
  const info = new TypeInfo(schema);
  const path: string[] = [];
  visit(
    parse(query),
    visitWithTypeInfo(info, {
      Field: {
        enter(node) {
          path.push(node.alias?.value ?? node.name.value);
          const t = info.getType();
          const named = t && getNamedType(t);
          if (!node.selectionSet || !named) return;
          const hasId = (isObjectType(named) || isInterfaceType(named)) && 'id' in named.getFields();
          if (hasId && !selectsId(node.selectionSet)) missing.push(path.join('.'));
        },
        leave() {
          path.pop();
        },
      },
    }),
  );
  return missing;
}

/**
 * A normalised cache (Apollo InMemoryCache, urql Graphcache) can only merge what it can identify:
 * every README operation selects `id` wherever the type has one, so a client that copies them
 * gets normalised entries, not one opaque blob per query.
 */
describe('README operations select id', () => {
  it.each(readmeExamples().map((e) => [e.name, e.query] as const))(
    '%s selects id on every object that has one',
    (_n, q) => {
      expect(missingIds(q)).toEqual([]);
    },
  );

  it('notices a missing id (the check is not vacuous)', () => {
    expect(missingIds('{ node(id: "x") { ... on AdminUnit { id parent { name } } } }')).toEqual([
      'node.parent',
    ]);
  });
});
