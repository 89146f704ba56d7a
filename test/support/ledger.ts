import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/domain/access-policy';
import { toGlobalId } from '../../src/graphql/ids';
import { bearer } from './auth';
import type { GqlError, TestServer } from './harness';

/** A GraphQL answer: data (possibly partial) and errors. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: GqlError[];
}

/**
 * A test's own corner of the ledger: a region of its own (outside 准格尔旗, so no reported figure
 * moves) with a unit of every kind, one helper of each label, a household and a programme — all
 * created through the mutations, under keys that start with the test's unique prefix.
 */
export interface Ledger {
  prefix: string;
  /** Global ids by name. */
  ids: Record<
    | 'region'
    | 'city'
    | 'banner'
    | 'township'
    | 'street'
    | 'village'
    | 'community'
    | 'agency'
    | 'cadre'
    | 'enterprise'
    | 'household'
    | 'student'
    | 'programme'
    | 'source',
    string
  >;
  /** Runs an operation as `role` (a fresh token whose subject is `${prefix}-${role}`), or anonymously. */
  as<T = Record<string, unknown>>(
    role: Role | 'anonymous',
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
  /** Deletes everything the test created (its nodes, their audit entries, its idempotency keys). */
  cleanup(): Promise<void>;
}

/**
 * A valid resident ID number (GB 11643 check character) ending in 002X, different for each call
 * (random area code and birth date): households are unique by ID number, and test files share one
 * database.
 */
export function freshIdNumber002X(): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  for (;;) {
    const area = String(110000 + Math.floor(Math.random() * 540000));
    const day = new Date(Date.UTC(1940, 0, 1) + Math.floor(Math.random() * 60 * 365) * 86_400_000);
    const base = `${area}${day.toISOString().slice(0, 10).replaceAll('-', '')}002`;
    const sum = w.reduce((s, x, i) => s + x * Number(base[i]), 0);
    if ('10X98765432'[sum % 11] === 'X') return `${base}X`;
  }
}

export const uniquePrefix = (name: string) => `t6-${name}-${randomUUID().slice(0, 8)}`;

export async function createLedger(s: TestServer, name: string): Promise<Ledger> {
  const prefix = uniquePrefix(name);
  const tokens = new Map<string, Record<string, string>>();
  const as: Ledger['as'] = async (role, query, variables, headers = {}) => {
    if (role !== 'anonymous' && !tokens.has(role)) tokens.set(role, await bearer(role, `${prefix}-${role}`));
    const auth = role === 'anonymous' ? {} : tokens.get(role)!;
    const r = await s.gql(query, variables, { ...auth, ...headers });
    return { status: r.status, data: r.body.data as never, errors: r.body.errors };
  };
  const must = async (role: Role, query: string, variables: Record<string, unknown>): Promise<string> => {
    const r = await as<Record<string, Record<string, { id: string }>>>(role, query, variables);
    if (r.errors) throw new Error(`fixture: ${JSON.stringify(r.errors)}`);
    const payload = Object.values(r.data!)[0];
    return Object.values(payload).find((v) => typeof v === 'object')!.id;
  };
  const unit = (key: string, kind: string, parentId: string | null) =>
    must('admin', 'mutation($i: CreateAdminUnitInput!) { createAdminUnit(input: $i) { adminUnit { id } } }', {
      i: { key: `${prefix}:${key}`, name: `测试${kind}${prefix}`, kind, parentId },
    });
  const region = await unit('region', 'REGION', null);
  const city = await unit('city', 'CITY', region);
  const banner = await unit('banner', 'BANNER', city);
  const township = await unit('township', 'TOWNSHIP', banner);
  const street = await unit('street', 'STREET', banner);
  const village = await unit('village', 'GACHA_VILLAGE', township);
  const community = await unit('community', 'COMMUNITY', street);
  const agency = await must(
    'editor',
    'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } } }',
    {
      i: {
        key: `${prefix}:agency`,
        name: `测试机关${prefix}`,
        orgType: 'AGENCY',
        level: 'BANNER',
        unitId: banner,
      },
    },
  );
  const cadre = await must(
    'editor',
    'mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }',
    {
      i: {
        key: `${prefix}:cadre`,
        name: `测试干部${prefix}`,
        rank: 'COUNTY',
        unitId: banner,
        memberOfId: agency,
      },
    },
  );
  const enterprise = await must(
    'editor',
    'mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { enterprise { id } } }',
    { i: { key: `${prefix}:enterprise`, name: `测试企业${prefix}`, unitId: banner } },
  );
  const household = await must(
    'editor',
    'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { household { id } } }',
    {
      i: {
        key: `${prefix}:household`,
        name: '刘显明',
        unitId: village,
        memberCount: 4,
        idNumber: freshIdNumber002X(),
        phone: '+8613812345678',
      },
    },
  );
  const programme = await must(
    'admin',
    'mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { programme { id } } }',
    {
      i: { key: `${prefix}:programme`, name: `测试工程${prefix}`, scope: 'BANNER', validFrom: '2012-01-01' },
    },
  );
  // No mutation creates students (the ledger keeps households); the fixture writes one directly.
  await s.gateway.write(
    'test.fixture.student',
    "MATCH (v:AdminUnit {id: $village}) CREATE (:Student {id: $id, name: '王小明', aliases: [], provenance: 'REPORTED'})-[:LOCATED_IN]->(v)",
    { id: `${prefix}:student`, village: `${prefix}:village` },
  );
  const sources = await as<{ sources: { edges: { node: { id: string } }[] } }>(
    'viewer',
    '{ sources(first: 1) { edges { node { id } } } }',
  );
  return {
    prefix,
    ids: {
      region,
      city,
      banner,
      township,
      street,
      village,
      community,
      agency,
      cadre,
      enterprise,
      household,
      student: toGlobalId('Student', `${prefix}:student`),
      programme,
      source: sources.data!.sources.edges[0].node.id,
    },
    as,
    cleanup: async () => {
      await s.gateway.write(
        'test.cleanup.audit',
        'MATCH (a:AuditEntry) WHERE a.targetId STARTS WITH $p OR a.actor STARTS WITH $p DETACH DELETE a',
        { p: prefix },
      );
      await s.gateway.write(
        'test.cleanup.keys',
        'MATCH (k:IdempotencyKey) WHERE k.subject STARTS WITH $p DELETE k',
        {
          p: prefix,
        },
      );
      await s.gateway.write(
        'test.cleanup.citations',
        'MATCH (n)-[:SUPPORTED_BY]->(c:Citation) WHERE n.id STARTS WITH $p DETACH DELETE c',
        { p: prefix },
      );
      // Records with generated keys that hang off the test's records (a pairing of its helper and
      // that pairing's projects and visits, a dispute in its village) go with them: left behind,
      // they would be orphans that break other tests' lists and that no import accepts.
      await s.gateway.write(
        'test.cleanup.pairings',
        'MATCH (n)--(q:Pairing) WHERE n.id STARTS WITH $p OPTIONAL MATCH (q)-[:HAS_PROJECT|HAS_VISIT]->(x) DETACH DELETE x, q',
        { p: prefix },
      );
      await s.gateway.write(
        'test.cleanup.dependents',
        'MATCH (n)--(m) WHERE n.id STARTS WITH $p AND (m:Project OR m:Visit OR m:Dispute OR m:Tenure) DETACH DELETE m',
        { p: prefix },
      );
      await s.gateway.write('test.cleanup.nodes', 'MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', {
        p: prefix,
      });
    },
  };
}
