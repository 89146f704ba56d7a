import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import pino from 'pino';
import { exportGraph, type ExportFormat } from '../../src/cli/export-command';
import { ANONYMOUS, type Viewer } from '../../src/domain/access-policy';
import { loadTypeDefs } from '../../src/graphql/schema';
import { PAIRING, SEARCH, VIEW } from '../../web/explorer/queries';
import { EXAMPLES } from '../../web/playground/examples';
import { bearer } from '../support/auth';
import { CANARY, canariesIn, forbiddenStrings, fullSelection } from '../support/canary';
import { fuzzRequest, fuzzSchema } from '../support/fuzz-documents';
import { startTestServer, type TestServer } from '../support/harness';
import { createLedger, type Ledger } from '../support/ledger';
import { readmeExamples } from '../support/readme-examples';

/**
 * The personal-data canary. A household and a student carry canary names, aliases, an ID number
 * and a phone; then everything a caller below analyst can reach is run, as anonymous and as
 * viewer — the README, playground and explorer operations, a few thousand schema-generated
 * documents aimed at the canaries, every root field with its widest selection, every list and
 * nested list with every order (walked page by page), search for every canary string, the
 * exports in every format — and no response body, header, cursor (decoded), export file or log
 * line may contain a canary or a two-character prefix of a canary name.
 */
const FORBIDDEN = forbiddenStrings();
const ROLES = ['anonymous', 'viewer'] as const;
type Role = (typeof ROLES)[number];

describe('personal data canary: nothing personal reaches a caller below analyst', () => {
  let s: TestServer;
  let l: Ledger;
  const logLines: string[] = [];
  const leaks: string[] = [];
  let requests = 0;
  let ids: { household: string; student: string; village: string; region: string; agency: string };
  const auth = new Map<Role, Record<string, string>>();
  const schema: GraphQLSchema = buildSchema(loadTypeDefs().join('\n'));

  /**
   * Runs one request as `role` (POST, or GET with the document and variables in the URL) and
   * records every canary in its headers and body.
   */
  async function ask(
    role: Role,
    where: string,
    query: string,
    variables?: Record<string, unknown>,
    method: 'POST' | 'GET' = 'POST',
  ) {
    requests++;
    const url = new URL(`${s.url}/graphql`);
    if (method === 'GET') {
      url.searchParams.set('query', query);
      if (variables) url.searchParams.set('variables', JSON.stringify(variables));
    }
    const res = await fetch(url, {
      method,
      headers:
        method === 'GET'
          ? { 'apollo-require-preflight': 'true', ...auth.get(role) }
          : { 'content-type': 'application/json', ...auth.get(role) },
      body: method === 'GET' ? undefined : JSON.stringify({ query, variables }),
    });
    const body = await res.text();
    const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
    for (const c of canariesIn(`${headers}\n${body}`, FORBIDDEN)) leaks.push(`${role} ${where}: ${c}`);
    return JSON.parse(body) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  }

  beforeAll(async () => {
    const capture = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    s = await startTestServer({ log: pino({ level: 'debug' }, capture) });
    l = await createLedger(s, 'canary');
    auth.set('anonymous', {});
    auth.set('viewer', await bearer('viewer', `${l.prefix}-canary-viewer`));
    const must = async (query: string, variables: Record<string, unknown>) => {
      const r = await l.as('editor', query, variables);
      if (r.errors) throw new Error(`fixture: ${JSON.stringify(r.errors)}`);
      return r.data!;
    };
    const hh = (await must(
      'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { household { id version } } }',
      {
        i: {
          key: `${l.prefix}:canary-hh`,
          name: CANARY.householdName,
          unitId: l.ids.village,
          memberCount: 3,
          idNumber: CANARY.idNumber,
          phone: CANARY.phone,
        },
      },
    )) as { createHousehold: { household: { id: string; version: number } } };
    const household = hh.createHousehold.household.id;
    // a second version, so history holds a before and an after
    await must('mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { id } } }', {
      i: { id: household, expectedVersion: hh.createHousehold.household.version, memberCount: 4 },
    });
    // the ledger's mutations take no aliases (imports and reports bring them): written as stored
    await s.gateway.write(
      'test.fixture.canary-aliases',
      'MATCH (h:Household {id: $id}) SET h.aliases = $aliases, h.aliasText = $aliasText',
      {
        id: `${l.prefix}:canary-hh`,
        aliases: [...CANARY.householdAliases],
        aliasText: CANARY.householdAliases.join(' '),
      },
    );
    // an editor's rejected writes that carry the canaries: the editor may see their own input
    // again, but no log line may keep it
    for (const i of [
      {
        key: `${l.prefix}:bad-1`,
        name: CANARY.householdName,
        unitId: l.ids.village,
        nickname: CANARY.householdAliases[0],
      },
      {
        key: `${l.prefix}:bad-2`,
        name: CANARY.householdName,
        unitId: l.ids.village,
        phone: `${CANARY.phone}99`,
      },
      {
        key: `${l.prefix}:bad-3`,
        name: CANARY.householdName,
        unitId: l.ids.village,
        idNumber: `${CANARY.idNumber}1`,
      },
    ]) {
      const r = await l.as(
        'editor',
        'mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { household { id } } }',
        { i },
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    // no mutation creates students (the ledger keeps households): the fixture writes one directly
    await s.gateway.write(
      'test.fixture.canary-student',
      'MATCH (v:AdminUnit {id: $village}) CREATE (:Student {id: $id, name: $name, aliases: $aliases, ' +
        "aliasText: $aliasText, provenance: 'REPORTED', version: 1})-[:LOCATED_IN]->(v)",
      {
        id: `${l.prefix}:canary-student`,
        village: `${l.prefix}:village`,
        name: CANARY.studentName,
        aliases: [...CANARY.studentAliases],
        aliasText: CANARY.studentAliases.join(' '),
      },
    );
    const student = Buffer.from(`Student:${l.prefix}:canary-student`).toString('base64url');
    for (const [beneficiaryId, kind] of [
      [household, 'ASSIST'],
      [student, 'SPONSOR'],
    ]) {
      await must('mutation($i: CreatePairingInput!) { createPairing(input: $i) { pairing { id } } }', {
        i: {
          key: `${l.prefix}:pairing-${kind.toLowerCase()}`,
          helperId: l.ids.agency,
          beneficiaryId,
          level: 'BANNER',
          category: 'AGENCY',
          kind,
          validFrom: '2012-01-01',
        },
      });
    }
    ids = { household, student, village: l.ids.village, region: l.ids.region, agency: l.ids.agency };
  }, 180_000);

  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  it('the canaries are there: an analyst sees them, so their absence below is the mask', async () => {
    const r = await l.as<{ node: { name: string; aliases: string[]; idNumber: string; phone: string } }>(
      'analyst',
      'query($id: ID!) { node(id: $id) { ... on Household { name aliases idNumber phone } } }',
      { id: ids.household },
    );
    expect(r.data!.node).toEqual({
      name: CANARY.householdName,
      aliases: CANARY.householdAliases,
      idNumber: `**************${CANARY.idNumber.slice(-4)}`,
      phone: CANARY.phone,
    });
  });

  it.each(ROLES)(
    '%s: README, playground and explorer operations',
    async (role) => {
      for (const ex of readmeExamples()) await ask(role, `README ${ex.name}`, ex.query, ex.variables);
      for (const ex of EXAMPLES) await ask(role, `playground ${ex.id}`, ex.query, ex.variables);
      await ask(role, 'explorer search', String(SEARCH), { q: CANARY.householdName });
      const view = { rootIds: [ids.household, ids.student, ids.agency], depth: 2, id: ids.household };
      await ask(role, 'explorer view', String(VIEW), view);
      await ask(role, 'explorer pairing', String(PAIRING), { id: ids.household });
      expect(leaks).toEqual([]);
    },
    300_000,
  );

  it.each(ROLES)(
    '%s: every root field with its widest selection, aimed at each canary',
    async (role) => {
      const answered = new Set<string>();
      const refused = new Map<string, unknown>();
      for (const target of [ids.household, ids.student]) {
        for (const field of Object.values(schema.getQueryType()!.getFields())) {
          for (const doc of rootDocuments(schema, field, target, ids)) {
            const r = await ask(role, `root ${field.name}`, doc.query, doc.variables);
            // a field the role may not read at all (FORBIDDEN, UNAUTHENTICATED) answers by refusing
            const codes = r.errors?.map((e) => e.extensions?.code) ?? [];
            if (
              r.data?.[field.name] != null ||
              codes.some((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED')
            )
              answered.add(field.name);
            else
              refused.set(
                field.name,
                r.errors?.map((e) => e.message),
              );
          }
        }
      }
      // the widest selections really ran: each root field the canaries can aim at answered once
      const roots = Object.values(schema.getQueryType()!.getFields())
        .filter((f) => rootDocuments(schema, f, ids.household, ids).length > 0)
        .map((f) => f.name);
      expect(roots.length).toBeGreaterThan(25);
      expect(roots.filter((f) => !answered.has(f)).map((f) => [f, refused.get(f)])).toEqual([]);
      expect(leaks).toEqual([]);
    },
    300_000,
  );

  it.each(ROLES)(
    '%s: every list and nested list, in every order, walked to its end',
    async (role) => {
      const walks: { where: string; query: (after: string | null) => string; pick: (d: unknown) => Conn }[] =
        [];
      for (const field of Object.values(schema.getQueryType()!.getFields())) {
        for (const order of ordersOf(field)) {
          const filter = field.args.some((a) => a.name === 'filter' && hasAreaId(a.type))
            ? `filter: { areaId: "${ids.region}" }, `
            : '';
          walks.push({
            where: `${field.name}(orderBy: ${order})`,
            query: (after) =>
              `{ c: ${field.name}(${filter}orderBy: ${order}, first: 100${after ? `, after: "${after}"` : ''}) ${connectionSelection(schema, field)} }`,
            pick: (d) => (d as { c: Conn }).c,
          });
        }
      }
      for (const [name, id] of Object.entries(ids)) {
        const type = schema.getType(typeOfId(id)) as GraphQLObjectType;
        for (const field of Object.values(type.getFields())) {
          for (const order of ordersOf(field)) {
            walks.push({
              where: `${name}.${field.name}(orderBy: ${order})`,
              query: (after) =>
                `{ n: node(id: "${id}") { ... on ${type.name} { c: ${field.name}(orderBy: ${order}, first: 100${after ? `, after: "${after}"` : ''}) ${connectionSelection(schema, field)} } } }`,
              pick: (d) => (d as { n: { c: Conn } }).n.c,
            });
          }
        }
      }
      expect(walks.map((w) => w.where)).toEqual(
        expect.arrayContaining([
          'households(orderBy: NAME)',
          'students(orderBy: NAME)',
          'village.households(orderBy: NAME)',
        ]),
      );
      let pages = 0;
      for (const w of walks) {
        let after: string | null = null;
        for (let i = 0; i < 200; i++) {
          const r = await ask(role, w.where, w.query(after));
          expect(r.errors).toBeUndefined();
          pages++;
          const c = w.pick(r.data);
          if (!c.pageInfo.hasNextPage) break;
          after = c.pageInfo.endCursor;
        }
      }
      expect(pages).toBeGreaterThan(walks.length);
      expect(leaks).toEqual([]);
    },
    600_000,
  );

  it.each(ROLES)(
    '%s: search for every canary string, in every kind',
    async (role) => {
      const kinds = (schema.getType('SearchKind') as GraphQLEnumType).getValues().map((v) => v.name);
      for (const text of FORBIDDEN) {
        await ask(
          role,
          `search ${text}`,
          'query($q: String!) { search(query: $q) { totalCount edges { cursor score kind node { id name } } } }',
          { q: text },
        );
        // the same through GET: the search text then travels in the URL
        await ask(
          role,
          `GET search ${text}`,
          'query($q: String!) { search(query: $q) { totalCount } }',
          { q: text },
          'GET',
        );
        for (const k of kinds) {
          await ask(
            role,
            `search ${text} in ${k}`,
            `query($q: String!) { search(query: $q, kinds: [${k}]) { totalCount edges { cursor node { id name } } } }`,
            { q: text },
          );
        }
      }
      expect(leaks).toEqual([]);
    },
    300_000,
  );

  it.each(ROLES)(
    '%s: 1,000 schema-generated documents aimed at the canaries',
    async (role) => {
      const gen = fuzzSchema();
      const docs = fc
        .sample(fuzzRequest(gen), { numRuns: 2_000, seed: role === 'viewer' ? 1317 : 4242 })
        .filter((d) => d.kind === 'valid')
        .slice(0, 1_000);
      expect(docs).toHaveLength(1_000);
      // the seed graph's ids and names the generator uses, turned into the canaries' own
      const aim = (text: string, i: number) =>
        text
          .replaceAll('QWRtaW5Vbml0OmF1OmNoZW5naGFv', ids.village)
          .replaceAll('UGVyc29uOnBlcnNvbjpsaXUteGlhbmxpYW5n', i % 2 ? ids.student : ids.household)
          .replaceAll('刘显亮', i % 2 ? CANARY.studentName : CANARY.householdName);
      // four at a time, as a front end would send them
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < docs.length; i = next++) {
          const vars = JSON.parse(aim(JSON.stringify(docs[i].variables), i)) as Record<string, unknown>;
          await ask(role, `fuzz #${i}`, aim(docs[i].query, i), vars);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      expect(leaks).toEqual([]);
    },
    900_000,
  );

  it.each(ROLES)(
    "%s: exports in every format, of the canaries' area and of the whole graph",
    async (role) => {
      const viewer: Viewer =
        role === 'anonymous' ? ANONYMOUS : { anonymous: false, subject: 'canary', role: 'viewer' };
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-export-'));
      try {
        const runs: [ExportFormat, string | null][] = [
          ['json', `${l.prefix}:region`],
          ['csv', `${l.prefix}:region`],
          ['graphml', `${l.prefix}:region`],
          ['json', null],
        ];
        for (const [format, area] of runs) {
          const out = path.join(
            dir,
            `${format}-${area ? 'area' : 'all'}${format === 'csv' ? '' : `.${format}`}`,
          );
          const summary = await exportGraph(s.gateway, viewer, { format, area, out });
          expect(summary.masked).toBe(true);
          for (const file of filesUnder(out)) {
            for (const c of canariesIn(fs.readFileSync(file, 'utf8'), FORBIDDEN)) {
              leaks.push(`${role} export ${path.relative(dir, file)}: ${c}`);
            }
          }
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      expect(leaks).toEqual([]);
    },
    300_000,
  );

  it('no log line of the whole run holds a canary', () => {
    const found = logLines.flatMap((line, i) =>
      canariesIn(line, FORBIDDEN).map((c) => `log line ${i}: ${c}`),
    );
    expect(found).toEqual([]);
    // the run was whole: every request above was logged
    expect(requests).toBeGreaterThan(2_500);
    expect(logLines.length).toBeGreaterThan(requests);
  });
});

interface Conn {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The orders a list field offers (empty when it takes no orderBy). */
function ordersOf(field: GraphQLField<unknown, unknown>): string[] {
  const arg = field.args.find((a) => a.name === 'orderBy');
  const t = arg && getNamedType(arg.type);
  return t && isEnumType(t) ? t.getValues().map((v) => v.name) : [];
}

const hasAreaId = (t: Parameters<typeof getNamedType>[0]) => {
  const named = getNamedType(t);
  return isInputObjectType(named) && 'areaId' in named.getFields();
};

/** The GraphQL type a global id names (base64url of `Type:key`). */
const typeOfId = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split(':')[0];

/** `{ totalCount edges { cursor node {…} } pageInfo {…} }` for a connection field. */
function connectionSelection(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): string {
  const conn = getNamedType(field.type) as GraphQLObjectType;
  const node = getNamedType(
    (getNamedType(conn.getFields().edges.type) as GraphQLObjectType).getFields().node.type,
  );
  return `{ totalCount edges { cursor node ${fullSelection(schema, node, 1, isObjectType(node) ? node.name : 'Household')} } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }`;
}

/**
 * Documents for one root field: its widest selection, with every ID argument aimed at `target`
 * (or the canaries' village, or their helper for the start of a path), every text argument set to the target's canary name, and one document
 * per value of an enum argument that picks what is computed (measure, order).
 */
function rootDocuments(
  schema: GraphQLSchema,
  field: GraphQLField<unknown, unknown>,
  target: string,
  around: { village: string; agency: string },
): { query: string; variables: Record<string, unknown> }[] {
  const isStudent = typeOfId(target) === 'Student';
  const name = isStudent ? CANARY.studentName : CANARY.householdName;
  const values: Record<string, unknown> = {};
  const decls: string[] = [];
  let variants: string[] = [''];
  for (const a of field.args) {
    const named = getNamedType(a.type);
    let v: unknown;
    if (a.name === 'id' || a.name === 'toId') v = target;
    else if (a.name === 'ids' || a.name === 'rootIds') v = [target];
    else if (a.name === 'fromId') v = around.agency;
    else if (a.name === 'areaId') v = around.village;
    else if (a.name === 'query') v = name;
    else if (a.name === 'activeOn') v = '2013-04-16';
    else if (isEnumType(named) && (a.name === 'measure' || a.name === 'orderBy')) {
      variants = named.getValues().map((x) => `${a.name}: ${x.name}`);
      continue;
    } else if (isNonNullType(a.type) && a.defaultValue === undefined) {
      return []; // a required argument the canaries do not fill (e.g. a proposal's key)
    } else continue;
    values[a.name] = v;
    decls.push(`$${a.name}: ${String(a.type)}`);
  }
  const args = (variant: string) => {
    const parts = [...Object.keys(values).map((k) => `${k}: $${k}`), ...(variant ? [variant] : [])];
    return parts.length ? `(${parts.join(', ')})` : '';
  };
  const selection = fullSelection(schema, getNamedType(field.type), 3, typeOfId(target));
  return variants.map((variant) => ({
    query: `query${decls.length ? `(${decls.join(', ')})` : ''} { ${field.name}${args(variant)} ${selection} }`,
    variables: values,
  }));
}

/** Every file under `p` (a file or a directory). */
function filesUnder(p: string): string[] {
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs.readdirSync(p).flatMap((f) => filesUnder(path.join(p, f)));
}
