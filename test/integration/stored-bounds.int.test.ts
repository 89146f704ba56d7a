import { GRAPH_RULES } from '../../src/domain/validation/graph-rules';
import type { Label } from '../../src/domain/model';
import { startTestServer, type TestServer } from '../support/harness';
import { graphEnds } from '../support/graph-ends';
import { importRecords } from '../support/import-run';
import { intInputFields, intOutputFields } from '../support/int-output-fields';
import { createLedger, type Ledger } from '../support/ledger';
import { caseOf } from '../support/mutation-cases';

/**
 * What a mutation refuses, a graph import (and a ledger import) refuses too, with the same words;
 * and no way of storing a property read by an output field typed Int takes a value Int cannot
 * answer (2^31), which would otherwise break every later read of the record, anonymous ones
 * included.
 */
describe('bounds shared by mutations and imports', () => {
  let s: TestServer;
  let l: Ledger;
  let n = 0;
  const key = (what: string) => `${l.prefix}:${what}-${++n}`;
  const imp = (kind: string, rows: Record<string, unknown>[]) =>
    importRecords(s.gateway, `${l.prefix}-importer`, kind, rows, { dryRun: true });
  /** An existing node of each label, for required relationships' other ends. */
  let ends: Record<string, string>;

  beforeAll(async () => {
    s = await startTestServer({ hardening: { requestTimeoutMs: 120_000, httpRequestTimeoutMs: 180_000 } });
    l = await createLedger(s, 'bounds');
    ends = await graphEnds(l, key('pair'));
  }, 120_000);
  afterAll(async () => {
    await l?.cleanup();
    await s?.close();
  });

  /** A graph dump of one `label` node with its required properties and relationships, and `props`. */
  function dump(label: Label, props: Record<string, unknown>) {
    const id = key(label.toLowerCase());
    const rules = GRAPH_RULES[label]!;
    const required: Record<string, unknown> = {};
    for (const [p, r] of Object.entries(rules.props)) {
      if (!r.required) continue;
      const t = r.type;
      required[p] =
        t.t === 'enum' ? t.values[0] : t.t === 'date' ? '2013-04-16' : t.t === 'number' ? 1.5 : '示例值';
    }
    const rels = rules.rels
      .filter((r) => r.required)
      .map((r) => {
        const me = { label, id };
        const other = { label: r.to[0], id: ends[r.to[0]] };
        return {
          rel: { type: r.rel, ...(r.dir === 'out' ? { from: me, to: other } : { from: other, to: me }) },
        };
      });
    return [{ node: { label, id, provenance: 'REPORTED', props: { ...required, ...props } } }, ...rels];
  }

  /** Runs `op` with a valid input changed by `change`; returns the first error (null: accepted). */
  async function mutate(op: string, change: Record<string, unknown>) {
    const c = caseOf(op);
    const i = { ...(await c.valid(l, `b${++n}`)), ...change };
    const r = await l.as(c.role, `mutation($i: ${c.input}!) { ${op}(input: $i) { ${c.field} { id } } }`, {
      i,
    });
    return r.errors?.[0] ?? null;
  }

  describe('a property an Int output field reads', () => {
    const TOO_BIG = 2 ** 31;

    it('is refused at 2^31 by each mutation that writes it, naming the input field', async () => {
      const inputs = intInputFields();
      expect(inputs.map((f) => `${f.op}.${f.field}`)).toEqual(
        expect.arrayContaining(['addCitation.charOffset']),
      );
      for (const { op, field } of inputs) {
        const e = await mutate(op, { [field]: TOO_BIG });
        expect({ op, field, code: e?.extensions?.code, argument: e?.extensions?.argument }).toEqual({
          op,
          field,
          code: 'BAD_USER_INPUT',
          argument: `input.${field}`,
        });
      }
    });

    it('is refused at 2^31 by a graph import, naming the property, for every Int field of every record', async () => {
      const fields = intOutputFields();
      expect(fields.length).toBeGreaterThan(10);
      for (const { label, field, props } of fields) {
        const prop = props![0];
        const r = await imp('graph', dump(label, { [prop]: TOO_BIG }));
        expect({
          label,
          field,
          ok: r.ok,
          issue: r.issues.find((i) => i.field === `node.props.${prop}`),
        }).toEqual({
          label,
          field,
          ok: false,
          issue: {
            line: 1,
            field: `node.props.${prop}`,
            problem: expect.stringMatching(/^is too large: must be at most \d+/),
          },
        });
      }
    });
  });

  describe('the same bad value: the same problem through a mutation and a graph import', () => {
    const CASES: {
      what: string;
      op: string;
      label: Label;
      field: string;
      values: Record<string, unknown>;
    }[] = [
      {
        what: 'an amount above the limit',
        op: 'recordProject',
        label: 'Project',
        field: 'amountYuan',
        values: { amountYuan: 20_000_000_000 },
      },
      {
        what: 'validTo before validFrom',
        op: 'createPairing',
        label: 'Pairing',
        field: 'validTo',
        values: { validFrom: '2015-01-01', validTo: '2014-01-01' },
      },
      {
        what: 'validTo on validFrom',
        op: 'createProgramme',
        label: 'Programme',
        field: 'validTo',
        values: { validFrom: '2015-01-01', validTo: '2015-01-01' },
      },
      {
        what: 'validTo before validFrom',
        op: 'recordTenure',
        label: 'Tenure',
        field: 'validTo',
        values: { validFrom: '2015-01-01', validTo: '2014-01-01' },
      },
      {
        what: 'resolved before found',
        op: 'resolveDispute',
        label: 'Dispute',
        field: 'resolvedOn',
        values: { foundOn: '2012-04-01', resolvedOn: '2012-03-01' },
      },
    ];

    it.each(CASES)('$label: $what', async ({ op, label, field, values }) => {
      const inMutation = op === 'resolveDispute' ? { resolvedOn: values.resolvedOn } : values;
      const e = await mutate(op, inMutation);
      expect(e?.extensions?.argument).toBe(`input.${field}`);
      const problem = e!.message.replace(`input.${field}: `, '');
      const r = await imp('graph', dump(label, values));
      // the node's own issues (a refused node also leaves its relationships' ends missing)
      expect(r.issues.filter((i) => i.line === 1)).toEqual([
        { line: 1, field: `node.props.${field}`, problem },
      ]);
    });

    it('a ledger import of projects and pairings says the same', async () => {
      const amount = await mutate('recordProject', { amountYuan: 20_000_000_000 });
      const project = await imp('project', [
        {
          key: key('proj'),
          pairingKey: ends.Pairing,
          name: '项目',
          amountYuan: 20_000_000_000,
          date: '2012-05-01',
        },
      ]);
      expect(project.issues).toEqual([
        { line: 1, field: 'amountYuan', problem: amount!.message.replace('input.amountYuan: ', '') },
      ]);
      const dates = await mutate('createPairing', { validFrom: '2015-01-01', validTo: '2014-01-01' });
      const pairing = await imp('pairing', [
        {
          key: key('pair'),
          helperKey: ends.Organization,
          beneficiaryKey: ends.AdminUnit,
          level: 'BANNER',
          category: 'AGENCY',
          kind: 'ASSIST',
          validFrom: '2015-01-01',
          validTo: '2014-01-01',
        },
      ]);
      expect(pairing.issues).toEqual([
        { line: 1, field: 'validTo', problem: dates!.message.replace('input.validTo: ', '') },
      ]);
    });
  });
});
