import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRows } from '../../src/cli/read-rows';
import { IMPORT_KINDS } from '../../src/domain/validation/import-kinds';
import { prepareRows, type RawRow } from '../../src/domain/validation/import-rows';

/**
 * Numbers in ledger import files are numbers, as in the API: a JSON Lines row takes JSON numbers
 * only, a CSV cell exactly a whole number's digits. Anything else is refused, quoting it as given.
 */
describe('numbers in import rows', () => {
  const project = (amountYuan: unknown, text: boolean): RawRow => ({
    line: 2,
    text,
    values: { key: 'ex:proj:1', pairingKey: 'ex:pair:1', name: '项目', date: '2013-05-01', amountYuan },
  });
  const outcome = (row: RawRow) => {
    const { prepared, issues } = prepareRows(IMPORT_KINDS.project, [row], 'salt');
    return issues.length ? issues.map((i) => `${i.field}: ${i.problem}`) : prepared[0].props.amountYuan;
  };
  const range = 'must be a whole number from 0 to 10000000000 yuan';

  it.each([
    [100, 100],
    ['100', [`amountYuan: ${range}, got "100"`]],
    [' 7 ', [`amountYuan: ${range}, got " 7 "`]],
    [20_000_000_000, ['amountYuan: is too large: must be at most 10000000000 yuan, got 20000000000']],
  ])('JSON Lines: %p → %p', (v, expected) => {
    expect(outcome(project(v, false))).toEqual(expected);
  });

  it.each([
    ['100', 100],
    ['0', 0],
    [' 100 ', [`amountYuan: ${range}, got " 100 "`]],
    ['1e3', [`amountYuan: ${range}, got "1e3"`]],
    ['0100', [`amountYuan: ${range}, got "0100"`]],
    ['100.0', [`amountYuan: ${range}, got "100.0"`]],
    ['-1', ['amountYuan: is too small: must be at least 0 yuan, got -1']],
    // past 2^53 the cell's digits are quoted exactly, and called too large
    [
      '9007199254740993',
      ['amountYuan: is too large: must be at most 10000000000 yuan, got 9007199254740993'],
    ],
  ])('CSV: %p → %p', (v, expected) => {
    expect(outcome(project(v, true))).toEqual(expected);
  });

  it('reads a CSV with its cells as text, spaces kept, headers trimmed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-numbers-'));
    const f = path.join(dir, 'projects.csv');
    fs.writeFileSync(f, 'key, amountYuan\nex:proj:1, 100 \n');
    try {
      expect(await readRows(f)).toEqual([
        { line: 2, columnsLine: 1, text: true, values: { key: 'ex:proj:1', amountYuan: ' 100 ' } },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
