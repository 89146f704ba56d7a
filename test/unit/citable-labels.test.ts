import { getNamedType, isNonNullType, isListType, isObjectType, type GraphQLObjectType } from 'graphql';
import { LABELS, type Label } from '../../src/domain/model';
import { executableSchema } from '../../src/graphql/schema';
import { RELS } from '../../src/store/reads/specs';
import { CITABLE_LABELS } from '../../src/store/writes/citations';

/**
 * One citable set for reads and writes: what `addCitation` accepts (writes/citations), what the
 * reads fetch `citations` for (reads/specs) and which GraphQL types expose `citations` must be the
 * same labels, so a fact that can be cited can always be read back with its quotes.
 */
describe('citable labels', () => {
  const schema = executableSchema();
  const node = schema.getType('Node');
  /** Object types of the built schema named after a label, implementing Node. */
  const labelTypes = Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLObjectType =>
      isObjectType(t) &&
      (LABELS as readonly string[]).includes(t.name) &&
      t.getInterfaces().some((i) => i === node),
  );
  /** Types with the quotes that support them; Source.citations is the other direction (quotes taken from it). */
  const exposing = labelTypes
    .filter((t) => t.name !== 'Source' && 'citations' in t.getFields())
    .map((t) => t.name);

  it('every type that exposes citations is citable, and every citable type exposes citations', () => {
    expect([...exposing].sort()).toEqual([...CITABLE_LABELS].sort());
  });

  it('every citable label is a Node type of the schema (a factId can name it)', () => {
    const names = labelTypes.map((t) => t.name);
    for (const l of CITABLE_LABELS) expect(names).toContain(l);
  });

  it('every citations field is [Citation!]! and has its own resolver (not the default property read)', () => {
    for (const name of exposing) {
      const f = (schema.getType(name) as GraphQLObjectType).getFields().citations;
      expect(`${name}: ${String(f.type)}`).toBe(`${name}: [Citation!]!`);
      expect(isNonNullType(f.type) && isListType(f.type.ofType)).toBe(true);
      expect(getNamedType(f.type).name).toBe('Citation');
      expect(typeof f.resolve).toBe('function');
    }
  });

  it('the reads fetch citations for exactly the citable labels', () => {
    expect([...(RELS.citations.parents as readonly Label[])].sort()).toEqual([...CITABLE_LABELS].sort());
  });

  it('the provenance nodes and bookkeeping are not citable', () => {
    for (const l of [
      'Source',
      'Citation',
      'AuditEntry',
      'IdempotencyKey',
      'AuditSequence',
      'Proposal',
    ] as const)
      expect(CITABLE_LABELS).not.toContain(l);
  });
});
