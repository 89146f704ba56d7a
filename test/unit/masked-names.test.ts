import { checkGraphProps } from '../../src/domain/validation/check-graph-props';
import { prepareEntity } from '../../src/domain/validation/entity-fields';
import { Issues } from '../../src/domain/validation/issues';

/**
 * A household's or student's name or alias that holds the mask character (刘**, as an export below
 * analyst shows it) is refused, with the same words, by the mutations and ledger imports
 * (prepareEntity) and by graph import (checkGraphProps): stored, it would overwrite the real name.
 */
describe('masked personal names', () => {
  const problem = (v: string) =>
    `must not contain * (a masked name, as an export below analyst shows it), got ${JSON.stringify(v)}`;
  const viaLedger = (label: 'Household' | 'Organization', name: string, aliases: string[] = []) => {
    const issues = new Issues('input');
    prepareEntity(
      label,
      { key: null, fields: { name, ...(aliases.length ? { aliases } : {}) }, refs: {} },
      'update',
      'salt',
      issues,
    );
    return issues.list.filter((i) => i.problem.startsWith('must not contain *'));
  };
  const viaGraph = (label: 'Household' | 'Student' | 'Organization', props: Record<string, unknown>) => {
    const issues = new Issues('node');
    checkGraphProps(issues, label, props);
    return issues.list.filter((i) => i.problem.startsWith('must not contain *'));
  };

  it.each(['刘**', '刘＊＊', '王*明'])('refuses %s as a household name and alias, by both paths', (name) => {
    // the ledger's household has no aliases field: its name
    expect(viaLedger('Household', name).map((i) => [i.field, i.problem])).toEqual([
      ['input.name', problem(name)],
    ]);
    expect(viaGraph('Household', { name, aliases: ['别名', name] }).map((i) => [i.field, i.problem])).toEqual(
      [
        ['node.props.name', problem(name)],
        ['node.props.aliases[1]', problem(name)],
      ],
    );
    expect(viaGraph('Student', { name }).map((i) => i.problem)).toEqual([problem(name)]);
  });

  it('leaves other names alone: a real name, and an organization (not personal) with a star', () => {
    expect(viaLedger('Household', '刘显明')).toEqual([]);
    expect(viaGraph('Household', { name: '刘显明' })).toEqual([]);
    expect(viaLedger('Organization', '某*公司')).toEqual([]);
    expect(viaGraph('Organization', { name: '某*公司' })).toEqual([]);
  });
});
