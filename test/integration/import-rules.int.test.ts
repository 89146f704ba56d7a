import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isEnumType,
  type GraphQLObjectType,
  type GraphQLType,
} from 'graphql';
import { GRAPH_RULES, type PropType } from '../../src/domain/validation/graph-rules';
import { IMPORT_KINDS } from '../../src/domain/validation/import-kinds';
import type { Label } from '../../src/domain/model';
import { loadTypeDefs } from '../../src/graphql/schema';
import { toGlobalId } from '../../src/graphql/ids';
import { startTestServer, type TestServer } from '../support/harness';
import { graphEnds, keyOf as ref } from '../support/graph-ends';
import { importRecords } from '../support/import-run';
import { createLedger, type Ledger } from '../support/ledger';
import { MUTATION_CASES } from '../support/mutation-cases';
import { maskPersonal } from '../../src/store/writes/personal-text';

const schema = buildSchema(loadTypeDefs().join('\n'));
const LABELS = Object.keys(GRAPH_RULES) as Label[];

/** A valid value of a property type. */
function validValue(t: PropType): unknown {
  switch (t.t) {
    case 'name':
    case 'text':
    case 'string':
      return '示例值';
    case 'names':
      return ['别名'];
    case 'enum':
      return t.values[0];
    case 'enumList':
      return [t.values[0]];
    case 'date':
      return '2013-04-16';
    case 'int':
      return t.range.min;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
  }
}

/** A value of the wrong type or outside the rules, for each property type. */
function wrongValues(t: PropType): unknown[] {
  switch (t.t) {
    case 'name':
    case 'text':
      return [12, '\u200b\u200b', 'a\u0000b', '\u202eabc'];
    case 'string':
      return [12, true];
    case 'names':
      return [[1, 2], '别名'];
    case 'enum':
      return ['NO_SUCH_VALUE', 3];
    case 'enumList':
      return [['NO_SUCH_VALUE']];
    case 'date':
      // before the earliest date, or the open end where the property cannot be open
      return ['2013-02-30', '16/04/2013', 20130416, '1949-09-30', ...(t.open ? [] : ['9999-12-31'])];
    case 'int':
      return ['12', t.range.min - 1, t.range.max + 1, 1.5];
    case 'number':
      return ['1.5'];
    case 'boolean':
      return ['true', 1];
  }
}

/**
 * `bangfu import --kind graph` and every ledger import kind hold records to the mutations' rules:
 * each label's required properties and relationships, property types, and the text rules; a record
 * that fails is reported with its line and reason and nothing is written; anything accepted reads
 * back through the API without an error. String inputs get the same answer through a mutation as
 * through an import.
 */
describe('import rules', () => {
  let s: TestServer;
  let l: Ledger;
  let n = 0;
  const key = (what: string) => `${l.prefix}:${what}-${++n}`;
  const imp = (kind: string, rows: Record<string, unknown>[], o: { dryRun?: boolean } = {}) =>
    importRecords(s.gateway, `${l.prefix}-importer`, kind, rows, o);
  const exists = async (label: string, id: string) =>
    (await s.gateway.read('t.exists', `MATCH (n:${label} {id: $id}) RETURN n.id AS id`, { id })).length > 0;
  /** An existing node of each label, for required relationships' other ends. */
  let ends: Record<string, string>;

  beforeAll(async () => {
    // Generous limits: these tests make hundreds of writes on a shared, loaded machine.
    s = await startTestServer({ hardening: { requestTimeoutMs: 120_000, httpRequestTimeoutMs: 180_000 } });
    l = await createLedger(s, 'imprules');
    ends = await graphEnds(l, key('pair'));
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  /** A year of its own for each pairing written: no two pairings of one helper and beneficiary overlap. */
  let year = 1950;
  /** A node of `label` with every required property, and its required relationships. */
  function minimal(label: Label, id: string) {
    const rules = GRAPH_RULES[label]!;
    const props: Record<string, unknown> = {};
    for (const [p, r] of Object.entries(rules.props)) if (r.required) props[p] = validValue(r.type);
    if (label === 'Pairing') Object.assign(props, { validFrom: `${++year}-01-01`, validTo: `${year}-07-01` });
    const rels = rules.rels
      .filter((r) => r.required)
      .map((r) => {
        const other = { label: r.to[0], id: ends[r.to[0]] };
        const me = { label, id };
        return {
          rel: { type: r.rel, ...(r.dir === 'out' ? { from: me, to: other } : { from: other, to: me }) },
        };
      });
    return { node: { node: { label, id, provenance: 'REPORTED', props } }, rels };
  }

  it('accepts a minimal node of every label (a dry run) — the generator itself is sound', async () => {
    for (const label of LABELS) {
      const m = minimal(label, key(label.toLowerCase()));
      const r = await imp('graph', [m.node, ...m.rels], { dryRun: true });
      expect({ label, issues: r.issues }).toEqual({ label, issues: [] });
    }
  });

  it('refuses, for every label, a node missing each required property or relationship, or with a wrongly typed property, naming line and field, writing nothing', async () => {
    for (const label of LABELS) {
      const rules = GRAPH_RULES[label]!;
      for (const [p, r] of Object.entries(rules.props)) {
        const variants: [string, unknown][] = wrongValues(r.type).map((v) => [
          `${p}=${JSON.stringify(v)}`,
          v,
        ]);
        if (r.required) variants.push([`without ${p}`, undefined]);
        for (const [what, v] of variants) {
          const id = key(label.toLowerCase());
          const m = minimal(label, id);
          const props = { ...m.node.node.props, [p]: v };
          if (v === undefined) delete props[p];
          const res = await imp('graph', [{ node: { ...m.node.node, props } }, ...m.rels]);
          expect({ label, what, ok: res.ok, first: res.issues[0] }).toEqual({
            label,
            what,
            ok: false,
            first: { line: 1, field: `node.props.${p}`, problem: expect.any(String) },
          });
          expect(res.text).toContain(`✗ line 1, node.props.${p}:`);
          expect(await exists(label, id)).toBe(false);
        }
      }
      for (const [k, rule] of rules.rels.entries()) {
        if (!rule.required) continue;
        const id = key(label.toLowerCase());
        const m = minimal(label, id);
        const others = m.rels.filter((_, j) => j !== rules.rels.filter((x) => x.required).indexOf(rule));
        const res = await imp('graph', [m.node, ...others]);
        expect({ label, rel: rule.rel, k, ok: res.ok, issues: res.issues }).toEqual({
          label,
          rel: rule.rel,
          k,
          ok: false,
          issues: [{ line: 1, field: 'node', problem: expect.stringContaining(`:${rule.rel}]`) }],
        });
        expect(await exists(label, id)).toBe(false);
      }
    }
  }, 300_000);

  it('refuses a Pairing with only its kind (the reported case), and the pairings list still answers', async () => {
    const id = key('pair');
    const dry = await imp(
      'graph',
      [{ node: { label: 'Pairing', id, provenance: 'REPORTED', props: { kind: 'ASSIST' } } }],
      {
        dryRun: true,
      },
    );
    expect(dry.ok).toBe(false);
    expect(dry.issues.map((i) => i.field)).toEqual(['node.props.validFrom']);
    const page = await l.as(
      'viewer',
      '{ pairings(first: 100) { edges { node { key validFrom helper { __typename } } } } }',
    );
    expect(page.errors).toBeUndefined();
  });

  /** A selection of every field of a type that takes no required argument (objects as `__typename`). */
  function selectionOf(t: GraphQLObjectType): string {
    return Object.values(t.getFields())
      .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
      .map((f) => {
        const named = getNamedType(f.type);
        return isScalarType(named) || isEnumType(named) ? f.name : `${f.name} { __typename }`;
      })
      .join(' ');
  }

  it('reads back through the API, without an error, anything graph import accepts (property)', async () => {
    const propValue = (t: PropType) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(validValue(t)) },
        { weight: 1, arbitrary: fc.constantFrom(...wrongValues(t)) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
    const sample = fc.constantFrom(...LABELS).chain((label) =>
      fc.record({
        label: fc.constant(label),
        props: fc.record(
          Object.fromEntries(
            Object.entries(GRAPH_RULES[label]!.props).map(([p, r]) => [p, propValue(r.type)]),
          ),
        ),
        rels: fc.array(fc.boolean(), {
          minLength: GRAPH_RULES[label]!.rels.length,
          maxLength: GRAPH_RULES[label]!.rels.length,
        }),
      }),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(sample, async ({ label, props, rels }) => {
        const id = key(label.toLowerCase());
        const clean = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
        const chosen = GRAPH_RULES[label]!.rels.filter((_, i) => rels[i]).map((r) => {
          const other = { label: r.to[0], id: ends[r.to[0]] };
          const me = { label, id };
          return {
            rel: { type: r.rel, ...(r.dir === 'out' ? { from: me, to: other } : { from: other, to: me }) },
          };
        });
        const res = await imp('graph', [
          { node: { label, id, provenance: 'REPORTED', props: clean } },
          ...chosen,
        ]);
        if (!res.ok) {
          expect(res.issues.length).toBeGreaterThan(0);
          expect(await exists(label, id)).toBe(false);
          return;
        }
        accepted++;
        const type = schema.getType(label) as GraphQLObjectType;
        const r = await l.as(
          'admin',
          `query($id: ID!) { node(id: $id) { ... on ${label} { ${selectionOf(type)} } } }`,
          {
            id: toGlobalId(label, id),
          },
        );
        expect({ label, clean, errors: r.errors }).toEqual({ label, clean, errors: undefined });
      }),
      { numRuns: 60, seed: 20261201 },
    );
    expect(accepted).toBeGreaterThan(5);
  }, 300_000);

  describe('text hygiene: the same answer through a mutation and through an import', () => {
    /** The import kind that writes what a mutation writes. */
    const KIND_OF: Record<string, string> = {
      createPairing: 'pairing',
      endPairing: 'pairing',
      recordProject: 'project',
      recordVisit: 'visit',
      recordDispute: 'dispute',
      resolveDispute: 'dispute',
      recordTenure: 'tenure',
    };
    /** Mutation input fields stored under another import column. */
    const COLUMN_OF: Record<string, string> = { 'endPairing.reason': 'endReason' };
    const kindOf = (op: string) =>
      KIND_OF[op] ?? op.replace(/^(create|update)/, '').replace(/^./, (c) => c.toLowerCase());
    const nasty = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '\u0000',
            '\u001b',
            '\u0007',
            '\u202e',
            '\u2066',
            '\u200b',
            '\ud800',
            '\udc00',
            ' ',
            '\t',
            '\n',
            'e\u0301',
            '\u00e9',
            '名',
            'a',
            '\u3000',
          ),
          fc.string({ unit: 'binary', maxLength: 2 }),
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join('').replaceAll(';', ''));

    /** Every String input field of every mutation, from the schema. */
    const fields: { op: string; field: string; list: boolean }[] = [];
    for (const m of Object.values(schema.getMutationType()!.getFields())) {
      // the ledger's mutations take one `input`; report review (proposeReport …) takes none
      const arg = m.args.find((a) => a.name === 'input');
      if (!arg) continue;
      const input = getNamedType(arg.type);
      if (!isInputObjectType(input)) continue;
      for (const f of Object.values(input.getFields())) {
        let t: GraphQLType = f.type;
        if (isNonNullType(t)) t = t.ofType;
        const list = isListType(t);
        if (getNamedType(f.type).name === 'String' && f.name !== 'key')
          fields.push({ op: m.name, field: f.name, list });
      }
    }

    it('finds the string fields in the schema and an import column for each (or the graph import of citations)', () => {
      expect(fields.length).toBeGreaterThan(20);
      for (const { op, field } of fields) {
        if (op === 'addCitation') continue;
        const kind = IMPORT_KINDS[kindOf(op)];
        expect({
          op,
          field,
          kind: kind?.name,
          column: !!kind?.fields[COLUMN_OF[`${op}.${field}`] ?? field],
        }).toEqual({
          op,
          field,
          kind: kind?.name,
          column: true,
        });
      }
    });

    it('refuses or normalises each random string identically via mutation and via import (property, every field)', async () => {
      const byOp = new Map(MUTATION_CASES.map((c) => [c.op as string, c]));
      for (const { op, field, list } of fields) {
        const c = byOp.get(op)!;
        await fc.assert(
          fc.asyncProperty(nasty, async (text) => {
            const value = list ? [text] : text;
            // Through the mutation.
            const i = { ...(await c.valid(l, `h${++n}`)), [field]: value };
            const m = await l.as<Record<string, Record<string, { key: string }>>>(
              c.role,
              `mutation($i: ${c.input}!) { ${op}(input: $i) { ${c.field} { key } } }`,
              { i },
            );
            const mRefused = m.errors?.[0].extensions?.code === 'BAD_USER_INPUT';
            if (!mRefused)
              expect({ op, field, text, errors: m.errors }).toEqual({ op, field, text, errors: undefined });
            const mStored = mRefused ? null : await storedText(op, c.field, m.data![op][c.field].key, field);
            // Through the import.
            const { rows, label, id, prop } = await importRowFor(op, field, value);
            const r = await imp(rows.kind, rows.records);
            const iRefused = !r.ok;
            if (iRefused)
              expect(
                r.issues[0].field.startsWith(rows.column) ||
                  r.issues[0].field.startsWith(`node.props.${prop}`),
              ).toBe(true);
            const iStored = iRefused ? null : await storedProp(label, id, prop);
            // What is stored is clean: NFC, no control (free text: but tab and line breaks), no
            // bidi formatting, no lone surrogate, something visible.
            for (const v of [mStored, iStored].flat().filter((x): x is string => typeof x === 'string')) {
              expect({ op, field, v, nfc: v === v.normalize('NFC') }).toEqual({ op, field, v, nfc: true });
              expect({ op, field, v, bad: /\p{Cs}|\p{Bidi_Control}|[^\P{Cc}\t\n\r]/u.test(v) }).toEqual({
                op,
                field,
                v,
                bad: false,
              });
              expect(v.replace(/[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu, '')).not.toBe('');
            }
            // addCitation masks the personal values of the graph's households and students a quote
            // reads (this property has just stored some under these strings); a graph import restores
            // a quote as the dump holds it
            const masked =
              op === 'addCitation' && typeof iStored === 'string'
                ? await maskPersonal((name, cypher, params) => s.gateway.read(name, cypher, params), iStored)
                : iStored;
            expect({ op, field, text, refused: iRefused, stored: masked }).toEqual({
              op,
              field,
              text,
              refused: mRefused,
              stored: mStored,
            });
          }),
          { numRuns: 6, seed: 7 },
        );
      }
    }, 600_000);

    const storedProp = async (label: string, id: string, prop: string) =>
      (await s.gateway.read('t.prop', `MATCH (n:${label} {id: $id}) RETURN n[$prop] AS v`, { id, prop }))[0]
        ?.v ?? null;

    /** What a mutation stored for `field` (ID numbers as their last 4, citations by the quote of the new citation). */
    async function storedText(op: string, payloadField: string, k: string, field: string) {
      if (op === 'addCitation') return storedProp('Citation', k, 'quote');
      const label = payloadField.charAt(0).toUpperCase() + payloadField.slice(1);
      const prop = field === 'idNumber' ? 'idNumberLast4' : field === 'reason' ? 'endReason' : field;
      return storedProp(label === 'AdminUnit' ? 'AdminUnit' : label, k, prop);
    }

    /** An import file that writes `value` into the column matching a mutation field. */
    async function importRowFor(op: string, field: string, value: unknown) {
      const u = ref;
      if (op === 'addCitation') {
        const id = key('cit');
        return {
          rows: {
            kind: 'graph',
            column: 'node.props.quote',
            records: [
              { node: { label: 'Citation', id, provenance: 'REPORTED', props: { quote: value } } },
              {
                rel: {
                  type: 'FROM',
                  from: { label: 'Citation', id },
                  to: { label: 'Source', id: ends.Source },
                },
              },
            ],
          },
          label: 'Citation',
          id,
          prop: 'quote',
        };
      }
      const kind = kindOf(op);
      const column = COLUMN_OF[`${op}.${field}`] ?? field;
      const base: Record<string, Record<string, unknown>> = {
        adminUnit: { name: '村', kind: 'GACHA_VILLAGE', parentKey: u(l.ids.township) },
        organization: { name: '单位', orgType: 'AGENCY', level: 'BANNER', unitKey: u(l.ids.banner) },
        person: { name: '人' },
        enterprise: { name: '企业', unitKey: u(l.ids.banner) },
        household: { name: '户', unitKey: u(l.ids.village) },
        programme: { name: '活动', scope: 'BANNER' },
        pairing: {
          helperKey: u(l.ids.agency),
          beneficiaryKey: u(l.ids.household),
          level: 'BANNER',
          category: 'AGENCY',
          kind: 'ASSIST',
          validFrom: `${++year}-01-01`,
          validTo: `${year}-07-01`,
        },
        dispute: { unitKey: u(l.ids.village), name: '纠纷', foundOn: '2012-04-01', resolvedOn: '2012-04-10' },
        project: { pairingKey: ends.Pairing, name: '项目', amountYuan: 1, date: '2012-05-01' },
        visit: { pairingKey: ends.Pairing, date: '2012-05-02' },
      };
      const id = key(kind.toLowerCase());
      const row = { key: id, ...base[kind], [column]: value };
      const label = IMPORT_KINDS[kind].label;
      const prop =
        column === 'idNumber' ? 'idNumberLast4' : (IMPORT_KINDS[kind].fields[column]?.prop ?? column);
      return { rows: { kind, column, records: [row] }, label, id, prop };
    }
  });
});
