import { makeExecutableSchema } from '@graphql-tools/schema';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { ANONYMOUS, type Viewer } from '../../../src/domain/access-policy';
import type { Label } from '../../../src/domain/model';
import { withExecution } from '../../../src/graphql/execution';
import { checkedRow, UnplannedPropertyError } from '../../../src/graphql/execution/contract';
import { declarationsOf, declaredBy, propsOf, readsProps } from '../../../src/graphql/execution/declarations';
import { MASK } from '../../../src/graphql/personal-masks';
import { toGlobalId } from '../../../src/graphql/ids';
import { executableSchema, loadTypeDefs, resolvers } from '../../../src/graphql/schema';
import { plannedStatements, type PlannedStatement } from '../../support/plan-recorder';

/**
 * The contract between a field and its plan: a row carries exactly the properties its selection's
 * resolvers declare, and a resolver that reads any other fails instead of resolving `undefined`.
 */

const ADMIN: Viewer = { anonymous: false, subject: 'contract-test', role: 'admin' };
type AnyResolver = GraphQLFieldResolver<unknown, unknown>;

/**
 * Every resolver of `maps` that declares the properties it reads, called on a row holding only
 * those (checked), for a caller who sees personal data and one who does not: the reads it makes
 * beyond its declaration.
 */
async function violations(maps: readonly object[], schema: GraphQLSchema) {
  const walked: string[] = [];
  const found: string[] = [];
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      for (const [field, r] of Object.entries((fields ?? {}) as Record<string, unknown>)) {
        const props = typeof r === 'function' ? declaredBy(r) : undefined;
        if (!Array.isArray(props)) continue;
        walked.push(`${type}.${field}`);
        const t = schema.getType(type);
        const info = {
          returnType: isObjectType(t) ? t.getFields()[field]?.type : undefined,
          fieldName: field,
        };
        for (const viewer of [ADMIN, ANONYMOUS]) {
          const row = checkedRow({
            id: 'k1',
            __label: type as Label,
            __sort: null,
            ...Object.fromEntries((props as string[]).map((p) => [p, 'x'])),
          });
          try {
            await (r as AnyResolver)(row, {}, { access: { viewer } }, info as never);
          } catch (e) {
            if (e instanceof UnplannedPropertyError) found.push(`${type}.${field}: ${e.message}`);
          }
        }
      }
    }
  }
  return { walked, found: [...new Set(found)] };
}

/**
 * The masks the built schema puts around personal fields, each declaring what the field's own
 * resolver declares in `maps` (or, resolved by default, its own property): the masked path is
 * walked too, for a caller who may not see personal data.
 */
function maskedResolvers(schema: GraphQLSchema, maps: object): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const declared = declarationsOf([maps]);
  for (const t of Object.values(schema.getTypeMap())) {
    if (!isObjectType(t) || t.name.startsWith('__')) continue;
    for (const f of Object.values(t.getFields())) {
      const resolve = f.resolve as (AnyResolver & { [MASK]?: unknown }) | undefined;
      if (!resolve?.[MASK]) continue;
      const props = propsOf(declared, t.name, f.name);
      if (props === null) continue;
      (out[t.name] ??= {})[f.name] = readsProps<AnyResolver>((...a) => resolve(...a), props);
    }
  }
  return out;
}

describe('the field ↔ plan contract', () => {
  const schema = executableSchema();

  it('every resolver that declares its properties reads no other (walking every resolver map)', async () => {
    // the modules' resolvers, then the masks the schema puts around personal fields
    const maps = resolvers();
    const { walked, found } = await violations([maps, maskedResolvers(schema, maps)], schema);
    expect(found).toEqual([]);
    // the walk reaches the declared fields, masked personal fields included
    expect(walked).toEqual(
      expect.arrayContaining([
        'Household.memberCount',
        'Household.idNumber',
        'Household.name',
        'Pairing.activeOn',
        'Pairing.validTo',
        'Organization.orgType',
        'AdminUnit.designations',
      ]),
    );
  });

  it('a canary resolver that reads an undeclared property is reported by the walk', async () => {
    const canary = {
      Household: { memberCount: readsProps((row: { name?: unknown }) => row.name, ['members']) },
    };
    const { found } = await violations([canary], schema);
    expect(found).toEqual([
      'Household.memberCount: a resolver read Household.name, which its plan did not fetch: declare it with readsProps',
    ]);
  });

  /** A schema whose Household.memberCount reads `name` while declaring `members`. */
  function canarySchema(planChecks: boolean) {
    const maps = [
      resolvers(),
      { Household: { memberCount: readsProps((row: { name?: unknown }) => row.name ?? null, ['members']) } },
    ];
    const built = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: maps });
    return withExecution(built, declarationsOf(maps), { planCacheSize: 10, planChecks });
  }

  /**
   * Answers the node lookup with a household carrying exactly the properties the statement
   * projects, as Neo4j sends such a row: `[n.p1, …, n.pk, label, sort]` (store/reads/row-shape.ts).
   */
  const answer = (s: PlannedStatement) => {
    if (s.name !== 'nodes.byKeys') return undefined;
    const projected = /RETURN pid, \[(.*)\] AS node/.exec(s.cypher)?.[1] ?? '';
    const props = [...projected.matchAll(/n\.(\w+)/g)].map((m) => m[1]);
    return [
      { pid: 'Household:hh1', node: [...props.map((p) => (p === 'id' ? 'hh1' : 3)), 'Household', null] },
    ];
  };
  const QUERY = `query Canary($id: ID!) { node(id: $id) { ... on Household { memberCount } } }`;
  const vars = { id: toGlobalId('Household', 'hh1') };

  it('through the engine, a field reading an unplanned property fails loudly, naming it', async () => {
    const { errors, data } = await plannedStatements(canarySchema(true), QUERY, vars, { answer });
    expect(errors).toEqual([
      'a resolver read Household.name, which its plan did not fetch: declare it with readsProps',
    ]);
    expect(data).toEqual({ node: { memberCount: null } });
  });

  it('without plan checks the same canary resolves a silent null (what the check exists to catch)', async () => {
    const { errors, data } = await plannedStatements(canarySchema(false), QUERY, vars, { answer });
    expect(errors).toEqual([]);
    expect(data).toEqual({ node: { memberCount: null } });
  });

  it('the real resolver reads only what was planned and answers the stored value', async () => {
    const { errors, data, statements } = await plannedStatements(schema, QUERY, vars, { answer });
    expect(errors).toEqual([]);
    expect(data).toEqual({ node: { memberCount: 3 } });
    expect(statements.map((s) => /RETURN pid, \[(.*)\] AS node/.exec(s.cypher)?.[1])).toEqual([
      'n.id, n.members, labels(n)[0], null',
    ]);
  });
});
