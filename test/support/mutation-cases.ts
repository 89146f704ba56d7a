import type { Operation, Role } from '../../src/domain/access-policy';
import type { Ledger } from './ledger';

/** One mutation of the API, with a way to make a valid input for it in a test's ledger. */
export interface MutationCase {
  op: Operation;
  /** The payload field holding the record written. */
  field: string;
  /** The input type's name. */
  input: string;
  /** The weakest role allowed. */
  role: Role;
  /** Whether the mutation changes an existing record (carries expectedVersion). */
  updates: boolean;
  /** A valid input; `n` makes keys and names unique; may create the record to change first. */
  valid(l: Ledger, n: string): Promise<Record<string, unknown>>;
}

/** Runs a mutation of `c` as `role` with input `i` and (optionally) an idempotency key. */
export const run = (
  l: Ledger,
  c: MutationCase,
  role: Role | 'anonymous',
  i: Record<string, unknown>,
  key?: string,
) =>
  l.as<Record<string, { replayed: boolean } & Record<string, { id: string; version?: number }>>>(
    role,
    `mutation($i: ${c.input}!, $k: String) { ${c.op}(input: $i, idempotencyKey: $k) { ${c.field} { id ${c.field === 'citation' ? '' : 'version'} } replayed } }`,
    { i, k: key ?? null },
  );

/** Creates a record through `c` as `role` and returns its id and version. */
export async function created(l: Ledger, c: MutationCase, i: Record<string, unknown>) {
  const r = await run(l, c, c.role, i);
  if (r.errors) throw new Error(`${c.op}: ${JSON.stringify(r.errors)}`);
  return r.data![c.op][c.field];
}

const byOp = new Map<string, MutationCase>();
const reg = (c: MutationCase) => (byOp.set(c.op, c), c);
export const caseOf = (op: string) => byOp.get(op)!;

let seq = 0;
/** A fresh pairing of the ledger's agency with a fresh household, open since 2012-01-01. */
async function freshPairing(l: Ledger, n: string): Promise<string> {
  const household = await created(
    l,
    caseOf('createHousehold'),
    await caseOf('createHousehold').valid(l, `${n}-h${++seq}`),
  );
  return (
    await created(l, caseOf('createPairing'), {
      key: `${l.prefix}:pair:${n}-${seq}`,
      helperId: l.ids.agency,
      beneficiaryId: household.id,
      level: 'BANNER',
      category: 'AGENCY',
      kind: 'ASSIST',
      validFrom: '2012-01-01',
    })
  ).id;
}

export const MUTATION_CASES: MutationCase[] = [
  reg({
    op: 'createAdminUnit',
    field: 'adminUnit',
    input: 'CreateAdminUnitInput',
    role: 'admin',
    updates: false,
    valid: async (l, n) => ({
      key: `${l.prefix}:au:${n}`,
      name: `测试村${n}`,
      kind: 'GACHA_VILLAGE',
      parentId: l.ids.township,
    }),
  }),
  reg({
    op: 'createOrganization',
    field: 'organization',
    input: 'CreateOrganizationInput',
    role: 'editor',
    updates: false,
    valid: async (l, n) => ({
      key: `${l.prefix}:org:${n}`,
      name: `测试单位${n}`,
      orgType: 'AGENCY',
      level: 'BANNER',
      unitId: l.ids.banner,
    }),
  }),
  reg({
    op: 'createPerson',
    field: 'person',
    input: 'CreatePersonInput',
    role: 'editor',
    updates: false,
    valid: async (l, n) => ({
      key: `${l.prefix}:person:${n}`,
      name: `测试人${n}`,
      rank: 'SECTION',
      unitId: l.ids.township,
    }),
  }),
  reg({
    op: 'createEnterprise',
    field: 'enterprise',
    input: 'CreateEnterpriseInput',
    role: 'editor',
    updates: false,
    valid: async (l, n) => ({ key: `${l.prefix}:ent:${n}`, name: `测试企业${n}`, unitId: l.ids.banner }),
  }),
  reg({
    op: 'createHousehold',
    field: 'household',
    input: 'CreateHouseholdInput',
    role: 'editor',
    updates: false,
    valid: async (l, n) => ({
      key: `${l.prefix}:hh:${n}`,
      name: `张${n}`,
      unitId: l.ids.village,
      memberCount: 3,
    }),
  }),
  reg({
    op: 'createProgramme',
    field: 'programme',
    input: 'CreateProgrammeInput',
    role: 'admin',
    updates: false,
    valid: async (l, n) => ({ key: `${l.prefix}:prog:${n}`, name: `测试活动${n}`, scope: 'BANNER' }),
  }),
  reg({
    op: 'createPairing',
    field: 'pairing',
    input: 'CreatePairingInput',
    role: 'editor',
    updates: false,
    valid: async (l, n) => ({
      key: `${l.prefix}:pair:${n}`,
      helperId: l.ids.enterprise,
      beneficiaryId: l.ids.village,
      programmeId: l.ids.programme,
      level: 'BANNER',
      category: 'ENTERPRISE',
      kind: 'ASSIST',
      // A distinct period per call, so calls never overlap one another.
      validFrom: `${2100 - (++seq % 150)}-01-01`,
      validTo: `${2100 - (seq % 150)}-06-01`,
    }),
  }),
  reg({
    op: 'recordProject',
    field: 'project',
    input: 'RecordProjectInput',
    role: 'editor',
    updates: false,
    valid: async (l, n) => ({
      key: `${l.prefix}:proj:${n}`,
      pairingId: await freshPairing(l, n),
      name: `项目${n}`,
      amountYuan: 5000,
      date: '2012-05-01',
    }),
  }),
  reg({
    op: 'recordVisit',
    field: 'visit',
    input: 'RecordVisitInput',
    role: 'editor',
    updates: false,
    valid: async (l, n) => ({
      key: `${l.prefix}:visit:${n}`,
      pairingId: await freshPairing(l, n),
      date: '2012-05-02',
    }),
  }),
  reg({
    op: 'recordDispute',
    field: 'dispute',
    input: 'RecordDisputeInput',
    role: 'editor',
    updates: false,
    valid: async (l, n) => ({
      key: `${l.prefix}:dispute:${n}`,
      unitId: l.ids.village,
      name: `纠纷${n}`,
      foundOn: '2012-04-01',
    }),
  }),
  reg({
    op: 'recordTenure',
    field: 'tenure',
    input: 'RecordTenureInput',
    role: 'editor',
    updates: false,
    valid: async (l, n) => ({
      key: `${l.prefix}:tenure:${n}`,
      personId: l.ids.cadre,
      unitId: l.ids.community,
      post: 'COMMITTEE_MEMBER',
      validFrom: '2011-06-01',
    }),
  }),
  reg({
    op: 'addCitation',
    field: 'citation',
    input: 'AddCitationInput',
    role: 'editor',
    updates: false,
    valid: async (l, n) => ({ factId: l.ids.village, sourceId: l.ids.source, quote: `引文${n}` }),
  }),
];

/** Update mutations: each valid input first creates the record it changes (version 1). */
const update = (
  op: string,
  field: string,
  input: string,
  createOp: string,
  change: Record<string, unknown>,
): MutationCase =>
  reg({
    op: op as Operation,
    field,
    input,
    role: 'editor',
    updates: true,
    valid: async (l, n) => {
      const c = caseOf(createOp);
      const target = await created(l, c, await c.valid(l, `${n}-u`));
      return { id: target.id, expectedVersion: target.version, ...change };
    },
  });

MUTATION_CASES.push(
  update('updateAdminUnit', 'adminUnit', 'UpdateAdminUnitInput', 'createAdminUnit', {
    designations: ['BACKWARD'],
  }),
  update('updateOrganization', 'organization', 'UpdateOrganizationInput', 'createOrganization', {
    name: '改名',
  }),
  update('updatePerson', 'person', 'UpdatePersonInput', 'createPerson', { rank: 'COUNTY' }),
  update('updateEnterprise', 'enterprise', 'UpdateEnterpriseInput', 'createEnterprise', {
    aliases: ['简称'],
  }),
  update('updateHousehold', 'household', 'UpdateHouseholdInput', 'createHousehold', { memberCount: 5 }),
  update('updateProgramme', 'programme', 'UpdateProgrammeInput', 'createProgramme', {
    validFrom: '2012-01-01',
  }),
  reg({
    op: 'endPairing',
    field: 'pairing',
    input: 'EndPairingInput',
    role: 'editor',
    updates: true,
    valid: async (l, n) => ({
      id: await freshPairing(l, n),
      expectedVersion: 1,
      validTo: '2014-01-01',
      reason: '已脱贫',
    }),
  }),
  reg({
    op: 'resolveDispute',
    field: 'dispute',
    input: 'ResolveDisputeInput',
    role: 'editor',
    updates: true,
    valid: async (l, n) => {
      const d = await created(l, caseOf('recordDispute'), await caseOf('recordDispute').valid(l, `${n}-d`));
      return { id: d.id, expectedVersion: 1, resolvedOn: '2012-04-10', resolution: '调解' };
    },
  }),
);
