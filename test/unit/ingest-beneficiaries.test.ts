import fc from 'fast-check';
import type { KnownEntity } from '../../src/ingest/proposal';
import { proposeReport } from '../../src/ingest/propose-report';
import { maskSpans } from '../../src/store/writes/personal-text';

// Households (贫困户) and students named in a report: mentions, linking, proposed entities and
// pairings. Sentences are our own, with made-up names.

const SOURCE = { title: '测试', publisher: '测试', published: '2020-06-30', url: null };
const KNOWN: KnownEntity[] = [
  {
    id: 'au:ch',
    label: 'AdminUnit',
    name: '城壕村',
    aliases: [],
    kind: 'GACHA_VILLAGE',
    level: null,
    parentId: null,
  },
  {
    id: 'hh:1',
    label: 'Household',
    name: '刘显明',
    aliases: ['刘老汉'],
    kind: null,
    level: null,
    parentId: 'au:ch',
  },
  { id: 'stu:1', label: 'Student', name: '赵丽娜', aliases: [], kind: null, level: null, parentId: null },
  // An organisation with a household's name must not be linked to a household mention.
  {
    id: 'org:x',
    label: 'Organization',
    name: '王某某',
    aliases: [],
    kind: null,
    level: null,
    parentId: null,
  },
];
const propose = (s: string) => proposeReport(s, SOURCE, { known: KNOWN });
const named = (s: string) =>
  propose(s)
    .mentions.filter((m) => m.type === 'HOUSEHOLD' || m.type === 'STUDENT')
    .map((m) => [m.type, m.name, m.link?.key ?? null]);

describe('households and students named in a report', () => {
  it.each([
    ['工作队走访了城壕村贫困户王某某家。', [['HOUSEHOLD', '王某某', null]]],
    ['贫困户刘显明一家5口人。', [['HOUSEHOLD', '刘显明', 'hh:1']]],
    ['贫困户刘老汉说，日子好过了。', [['HOUSEHOLD', '刘老汉', 'hh:1']]],
    ['为贫困大学生赵丽娜发放助学金。', [['STUDENT', '赵丽娜', 'stu:1']]],
    [
      '市财政局资助困难学生李某、张某某各2000元。',
      [
        ['STUDENT', '李某', null],
        ['STUDENT', '张某某', null],
      ],
    ],
    ['公司与贫困户李平稳结成帮扶对子。', [['HOUSEHOLD', '李平稳', null]]],
    ['貧困戶王某某家的羊增加到30隻。', [['HOUSEHOLD', '王某某', null]]],
    ['贫困户和学生都得到了帮助。', []],
    ['贫困户家庭收入低。', []],
    ['大学生村官进入村两委。', []],
    ['贫困户于某某', []],
  ])('%s', (s, expected) => expect(named(s)).toEqual(expected));

  it('a new household is proposed as a Household in the village before it, with a verbatim quote and evidence', () => {
    const p = propose('工作队走访了城壕村贫困户王某某家。');
    const f = p.facts.find((x) => x.kind === 'ENTITY' && x.name === '王某某');
    expect(f).toMatchObject({ kind: 'ENTITY', label: 'Household', parent: { key: 'au:ch' } });
    expect(f?.quote.text).toBe(p.text.slice(f?.quote.start, f?.quote.end));
    expect(f?.quote.text).toContain('王某某');
    expect(f?.evidence).toMatch(/personal data, shown to analysts only/);
  });

  it('a linked household is not proposed again; its link says name or alias', () => {
    const p = propose('贫困户刘老汉说，日子好过了。');
    expect(p.facts.filter((f) => f.kind === 'ENTITY')).toEqual([]);
    expect(p.mentions.find((m) => m.type === 'HOUSEHOLD')?.link?.evidence).toBe('alias “刘老汉” = hh:1');
  });

  it('a household is a beneficiary of a pairing, never a helper', () => {
    const p = propose('城壕村党支部与贫困户刘显明结成帮扶对子。');
    const pairings = p.facts.filter((f) => f.kind === 'PAIRING');
    expect(pairings.map((f) => f.kind === 'PAIRING' && f.beneficiary)).toEqual([{ key: 'hh:1' }]);
    expect(pairings.some((f) => f.kind === 'PAIRING' && f.helper.key === 'hh:1')).toBe(false);
  });

  it('any surname with a one- or two-character given name after 贫困户 is one mention of exactly that name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...'王李张刘陈杨黄赵吴周'),
        fc.constantFrom('某', '某某', '建国', '秀英', '平', '丽'),
        fc.constantFrom('家', '，', '。', '说', '的'),
        (surname, given, after) => {
          const name = `${surname}${given}`;
          expect(named(`帮扶干部来到贫困户${name}${after}`)).toEqual([['HOUSEHOLD', name, null]]);
        },
      ),
    );
  });
});

describe('personal names in what the published graph stores', () => {
  it('masks every character of a name but the first, at the same length (offsets hold)', () => {
    const text = '工作队走访了贫困户王某某家和学生李四。';
    const spans = [
      { start: 9, end: 12 },
      { start: 16, end: 18 },
    ];
    expect(maskSpans(text, 0, spans)).toBe('工作队走访了贫困户王**家和学生李*。');
    // a quote starting inside the text: spans are offsets of the whole text
    expect(maskSpans(text.slice(10), 10, spans)).toBe('**家和学生李*。');
    expect(maskSpans(text, 0, [])).toBe(text);
    // a first character outside the BMP (two code units) is kept whole: no lone surrogate
    expect(maskSpans('户𮢴明华家', 0, [{ start: 1, end: 5 }])).toBe('户𮢴**家');
    expect(/\p{Cs}/u.test(maskSpans('户𮢴明华家', 0, [{ start: 1, end: 5 }]))).toBe(false);
  });
});
