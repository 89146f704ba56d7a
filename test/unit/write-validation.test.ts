import { checkInterval } from '../../src/domain/validation/dates';
import { prepareEntity } from '../../src/domain/validation/entity-fields';
import { checkUnitParent } from '../../src/domain/validation/entity-rules';
import { checkIdNumber, isIdNumber, normalisePhone } from '../../src/domain/validation/identity';
import { Issues } from '../../src/domain/validation/issues';
import { checkPairing, type BeneficiaryFacts } from '../../src/domain/validation/pairing-rules';
import type { Category, PairingKind } from '../../src/domain/model';

const issuesOf = (f: (i: Issues) => void) => {
  const i = new Issues('input');
  f(i);
  return i.list;
};

describe('ID numbers (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '150627196503120016', '150627198001010035'])('accepts %s', (n) =>
    expect(isIdNumber(n)).toBe(true),
  );
  it.each(['110105194912310021', '11010519491231002', '1101051949123100XX', '11010519491231002x'])(
    'rejects %s',
    (n) => expect(isIdNumber(n)).toBe(false),
  );
  it('upper-cases a lower-case check character before checking', () => {
    expect(
      issuesOf((i) =>
        expect(checkIdNumber(i, 'idNumber', ' 11010519491231002x ')).toBe('11010519491231002X'),
      ),
    ).toEqual([]);
  });
});

describe('phones', () => {
  it.each([
    ['13812345678', '+8613812345678'],
    ['138 1234 5678', '+8613812345678'],
    ['0477-4212345', '+864774212345'],
    ['+8613812345678', '+8613812345678'],
  ])('normalises %s to %s', (given, e164) => expect(normalisePhone(given)).toBe(e164));
});

describe('legal pairings', () => {
  const village: BeneficiaryFacts = { label: 'AdminUnit', unitKind: 'GACHA_VILLAGE' };
  const community: BeneficiaryFacts = { label: 'AdminUnit', unitKind: 'COMMUNITY' };
  const township: BeneficiaryFacts = { label: 'AdminUnit', unitKind: 'TOWNSHIP' };
  const household: BeneficiaryFacts = { label: 'Household' };
  const student: BeneficiaryFacts = { label: 'Student' };
  const check = (
    category: Category,
    kind: PairingKind,
    helper: string,
    b: BeneficiaryFacts,
    level = 'BANNER',
    helperLevel: string | null = null,
  ) =>
    issuesOf((i) =>
      checkPairing(
        i,
        { category, kind, level: level as never },
        { label: helper as never, level: helperLevel as never },
        b,
      ),
    ).map((x) => x.field);

  it.each([
    ['AGENCY', 'ASSIST', 'Organization', village],
    ['AGENCY', 'ASSIST', 'Organization', community],
    ['AGENCY', 'ASSIST', 'Organization', household],
    ['LEADING_CADRE', 'ASSIST', 'Person', household],
    ['LEADING_CADRE', 'ASSIST', 'Person', student],
    ['LEADING_CADRE', 'LIAISON', 'Person', township],
    ['ENTERPRISE', 'ASSIST', 'Enterprise', village],
    ['SECONDED_CADRE', 'STATIONED', 'Person', community],
    ['LEADING_CADRE', 'SPONSOR', 'Person', student],
  ] as const)('%s %s by a %s is legal', (c, k, h, b) => expect(check(c, k, h, b)).toEqual([]));

  it.each([
    ['ENTERPRISE', 'ASSIST', 'Enterprise', community, 'input.beneficiaryId'],
    ['ENTERPRISE', 'ASSIST', 'Enterprise', household, 'input.beneficiaryId'],
    ['AGENCY', 'ASSIST', 'Person', village, 'input.helperId'],
    ['AGENCY', 'STATIONED', 'Organization', village, 'input.kind'],
    ['LEADING_CADRE', 'LIAISON', 'Person', village, 'input.beneficiaryId'],
    ['SECONDED_CADRE', 'STATIONED', 'Person', township, 'input.beneficiaryId'],
  ] as const)('%s %s by a %s of that beneficiary is not (%s)', (c, k, h, b, field) =>
    expect(check(c, k, h, b)).toEqual([field]),
  );

  it('an organization helps at its own level', () => {
    expect(check('AGENCY', 'ASSIST', 'Organization', village, 'CITY', 'BANNER')).toEqual(['input.level']);
    expect(check('AGENCY', 'ASSIST', 'Organization', village, 'BANNER', 'BANNER')).toEqual([]);
  });
});

describe('other write rules', () => {
  it('half-open intervals: the end must come after the start', () => {
    expect(issuesOf((i) => checkInterval(i, 'validFrom', '2013-01-01', 'validTo', '2013-01-01'))).toEqual([
      { field: 'input.validTo', problem: 'must be after validFrom (2013-01-01), got 2013-01-01' },
    ]);
    expect(issuesOf((i) => checkInterval(i, 'validFrom', '2013-02-29', 'validTo', null))).toEqual([
      { field: 'input.validFrom', problem: 'must be a date written YYYY-MM-DD, got "2013-02-29"' },
    ]);
  });

  it('units lie one level up, 嘎查村 in a 苏木乡镇', () => {
    expect(issuesOf((i) => checkUnitParent(i, 'GACHA_VILLAGE', 'TOWNSHIP'))).toEqual([]);
    expect(issuesOf((i) => checkUnitParent(i, 'GACHA_VILLAGE', 'STREET')).map((x) => x.field)).toEqual([
      'input.parentId',
    ]);
    expect(issuesOf((i) => checkUnitParent(i, 'BANNER', null)).map((x) => x.problem)).toEqual([
      'a unit of kind BANNER needs a parent unit',
    ]);
  });

  it('never keeps an ID number: only a salted hash and the last 4 characters', () => {
    const issues = new Issues('input');
    const p = prepareEntity(
      'Household',
      { fields: { name: '刘显明', idNumber: '11010519491231002X' }, refs: { unitId: 'au:x' } },
      'create',
      'salt-a',
      issues,
    );
    expect(issues.list).toEqual([]);
    expect(p.props.idNumberLast4).toBe('002X');
    expect(JSON.stringify(p)).not.toContain('11010519491231002X');
    const other = prepareEntity(
      'Household',
      { fields: { name: '刘显明', idNumber: '11010519491231002X' }, refs: { unitId: 'au:x' } },
      'create',
      'salt-b',
      issues,
    );
    expect(other.props.idNumberHash).not.toBe(p.props.idNumberHash);
  });
});
