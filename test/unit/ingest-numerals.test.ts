import fc from 'fast-check';
import { parseNumber } from '../../src/ingest/chinese-number';
import { extractFigures, readFigures } from '../../src/ingest/figures';
import { normaliseReport } from '../../src/ingest/normalise-report';

// Renderers of a whole number in the forms reports use; the pipeline must read each back whole.
const CN = '零一二三四五六七八九';
const SMALL = ['', '十', '百', '千'];

/** n < 10000 with 千百十 and one 零 for each run of inner zeros (一千零五, 三百二十). */
function section(n: number, digit: (d: number) => string, two: boolean): string {
  const ds = String(n).padStart(4, '0');
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(ds[i]);
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 2 && two && i < 2 ? '两' : digit(d)) + SMALL[3 - i];
  }
  return out;
}

/** n ≥ 1 in 万/亿 groups; `part` writes a group below 10000, `zero` the 零 a gap takes. */
function grouped(n: number, part: (g: number) => string): string {
  if (n >= 1e8) {
    const lo = n % 1e8;
    return `${grouped(Math.floor(n / 1e8), part)}亿${lo === 0 ? '' : (lo < 1e7 ? '零' : '') + grouped(lo, part)}`;
  }
  if (n >= 1e4) {
    const lo = n % 1e4;
    return `${grouped(Math.floor(n / 1e4), part)}万${lo === 0 ? '' : (lo < 1000 ? '零' : '') + part(lo)}`;
  }
  return part(n);
}

/** Pure Chinese: 十二万五千 (a leading 一十 is 十), 十万零五百, 一亿二千万; 两 for 2 before 千/百 if `two`. */
const chinese = (n: number, two: boolean) =>
  n === 0 ? '零' : grouped(n, (g) => section(g, (d) => CN[d], two)).replace(/^一十/, '十');

/** Forms of n: Arabic, with thousands separators, Arabic in 万/亿 groups (3万5000, 100亿零1), mixed (3万5千), Chinese. */
function forms(n: number): string[] {
  const out = [String(n), n.toLocaleString('en-US')];
  if (n > 0) {
    out.push(grouped(n, String));
    out.push(grouped(n, (g) => section(g, String, false)));
  }
  // a lone 一 before a noun is an article (一个村), a rule of its own: 一元 is not read as a figure
  if (n !== 1) out.push(chinese(n, false), chinese(n, true));
  // 1.2亿, 3.5万: a decimal of 亿 or 万 when it is exact
  if (n >= 1e8 && n % 1e4 === 0) out.push(`${n / 1e8}亿`);
  if (n >= 1e4 && n % 10 === 0 && n < 1e8) out.push(`${n / 1e4}万`);
  return [...new Set(out)];
}

function readBack(form: string) {
  const s = `累计投入帮扶资金${form}元，`;
  const r = normaliseReport(s, 'text');
  return extractFigures(r.text, r.analysis).map((f) => ({
    written: r.text.slice(f.span.start, f.span.end),
    value: f.value,
    kind: f.kind,
  }));
}

const EDGES = [
  0, 1, 2, 10, 11, 19, 20, 100, 101, 110, 1000, 1001, 1010, 10000, 10001, 10010, 10100, 35000, 100500, 125000,
  200000, 1_000_000, 10_000_000, 20_000_000, 100_000_000, 100_000_001, 100_010_000, 120_000_000,
  1_000_000_000, 10_000_000_001, 99_999_999_999, 100_000_000_000, 999_999_999_999, 1_000_000_000_000,
];

describe('a numeral is read whole, in every form', () => {
  it('the renderer writes the forms the probe found wrong', () => {
    expect(forms(35000)).toEqual(expect.arrayContaining(['3万5000', '3万5千', '三万五千']));
    expect(forms(125000)).toContain('十二万五千');
    expect(forms(100500)).toContain('十万零五百');
    expect(forms(120000000)).toEqual(expect.arrayContaining(['一亿二千万', '1.2亿']));
    expect(forms(10000000001)).toEqual(expect.arrayContaining(['100亿零1', '一百亿零一']));
  });

  const check = (n: number) => {
    for (const form of forms(n))
      expect({ form, figures: readBack(form) }).toEqual({
        form,
        figures: [{ written: `${form}元`, value: n, kind: 'AMOUNT' }],
      });
  };
  it.each(EDGES)('%d', check);
  it('random integers from 0 to 10^12', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 1e12 }),
          fc.integer({ min: 0, max: 99_999 }),
          // sparse digits make the 零 and the gaps between groups
          fc
            .array(fc.constantFrom(0, 0, 0, 1, 2, 5, 9), { minLength: 1, maxLength: 12 })
            .map((ds) => Number(ds.join(''))),
        ),
        (n) => check(n),
      ),
      { numRuns: 500 },
    );
  });
});

describe('numbers that cannot be held exactly are refused, not rounded', () => {
  it.each(['9999999999999999', '9007199254740993', '1亿亿'])('%s', (s) => {
    expect(parseNumber(s)).toBeNull();
    expect(readBack(s)).toEqual([]);
  });
  it('2^53 − 1 is still exact', () => expect(parseNumber('9007199254740991')).toBe(9007199254740991));
  it('in Arabic and positional Chinese digits (二〇一三): exact up to 2^53 − 1, refused beyond', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), (n) => {
        const digits = n.toString();
        const positional = [...digits].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
        const value = n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : null;
        for (const s of [digits, positional]) expect({ s, value: parseNumber(s) }).toEqual({ s, value });
      }),
      { numRuns: 500 },
    );
  });
  it.each(['9007199254740多万', '900719925474099余万', '950000000000-900000000000万'])(
    '%s元: a magnitude after 多/余 or a range that makes the value inexact refuses it, not the value without it',
    (s) => expect(readBack(s)).toEqual([]),
  );
  it.each([
    ['3200余万', 32_000_000],
    ['2500多万', 25_000_000],
  ])('%s元 is still read with its magnitude', (s, n) => expect(readBack(s).map((f) => f.value)).toEqual([n]));
});

describe('spoken and malformed numerals', () => {
  it.each([
    ['三万五', 35000],
    ['一千二', 1200],
    ['两百五', 250],
    ['一亿二', 120000000],
    ['3万5', 35000],
    ['1亿2000万', 120000000],
    ['二十五点五万', 255000],
  ])('%s = %d', (s, n) => expect(parseNumber(s)).toBe(n));
  it.each(['三百五千', '3万50000', '一万二万', '万', '二三十'])('%s is not a number', (s) =>
    expect(parseNumber(s)).toBeNull(),
  );
});

describe('numerals left out because their value cannot be held exactly are named, with their magnitude', () => {
  it('in text order, beside the figures that were read', () => {
    const s =
      '全旗投入9999999999999999元，其中9007199254740多万元用于修路，950000000000-900000000000万元用于产业，共帮扶35户，身份证号11010119900307123X。';
    const r = normaliseReport(s, 'text');
    const { figures, inexact } = readFigures(r.text, r.analysis);
    expect(inexact.map((sp) => r.text.slice(sp.start, sp.end))).toEqual([
      '9999999999999999',
      '9007199254740多万',
      '950000000000-900000000000万',
    ]);
    expect(figures.map((f) => [r.text.slice(f.span.start, f.span.end), f.value])).toEqual([['35户', 35]]);
  });
  it('and none in a text whose numerals are all read or are no numerals (十二五)', () => {
    const s = '“十二五”期间，全旗投入帮扶资金1.2亿元，帮扶3200余万名群众中的1,079户。';
    const r = normaliseReport(s, 'text');
    expect(readFigures(r.text, r.analysis).inexact).toEqual([]);
  });
});
