import { OPERATIONS } from '../../src/domain/access-policy';
import { LEDGER_EVENT_KINDS, ledgerEventKind, UNANNOUNCED_OPERATIONS } from '../../src/domain/ledger-events';
import { loadTypeDefs } from '../../src/graphql/schema';
import { buildASTSchema, parse, type GraphQLEnumType } from 'graphql';

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));

describe('ledger event kinds', () => {
  const writes = OPERATIONS.filter(
    (op) =>
      !['read', 'readPersonal', 'readProposals', 'export', 'exportSecrets', 'importAdmin'].includes(op) &&
      !UNANNOUNCED_OPERATIONS.has(op),
  );

  it('leaves unannounced only the report-review operations that do not touch the graph', () => {
    expect([...UNANNOUNCED_OPERATIONS].sort()).toEqual(['proposeReport', 'rejectProposedFact']);
    for (const op of UNANNOUNCED_OPERATIONS) expect(ledgerEventKind(op)).toBeNull();
  });

  it.each(writes)('the audited operation %s is announced as some kind of ledger event', (op) => {
    expect(ledgerEventKind(op)).not.toBeNull();
  });

  it('maps the operations front ends watch to their own kinds', () => {
    expect(
      [
        'createPairing',
        'endPairing',
        'recordProject',
        'recordVisit',
        'recordDispute',
        'updateHousehold',
        'createOrganization',
        'import',
      ].map(ledgerEventKind),
    ).toEqual([
      'PAIRING_CREATED',
      'PAIRING_ENDED',
      'PROJECT_RECORDED',
      'VISIT_RECORDED',
      'DISPUTE_RECORDED',
      'ENTITY_UPDATED',
      'ENTITY_CREATED',
      'IMPORTED',
    ]);
    expect(ledgerEventKind('somethingElse')).toBeNull();
  });

  it('has the same kinds in the schema as in the domain', () => {
    const e = schema.getType('LedgerEventKind') as GraphQLEnumType;
    expect(e.getValues().map((v) => v.name)).toEqual([...LEDGER_EVENT_KINDS]);
  });

  it('has a mutation for every write operation of the policy except bulk import', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(writes.filter((op) => op !== 'import' && !mutations.includes(op))).toEqual([]);
  });
});
