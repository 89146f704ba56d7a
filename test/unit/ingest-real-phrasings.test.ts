import type { Figure } from '../../src/ingest/figure';
import { extractFigures } from '../../src/ingest/figures';
import { normaliseReport } from '../../src/ingest/normalise-report';
import { proposeReport } from '../../src/ingest/propose-report';
import { asCase, type Case, KNOWN_MISSES, REAL_PHRASINGS } from '../support/ingest-phrasings';

// The table (own sentences with the facts and phrasing of real reports, sources cited) is in
// test/support/ingest-phrasings.ts, shared with the figure invariants of ingest-figures.test.ts.

const figureOf = (s: string, written: string): Figure | undefined => {
  const r = normaliseReport(s, 'text');
  return extractFigures(r.text, r.analysis).find((x) => r.text.slice(x.span.start, x.span.end) === written);
};

const checkCase = ({ sentence, written, kind, value, unit, comparator, flags }: Case) => {
  const f = figureOf(sentence, written);
  expect(f && [f.kind, f.value, f.unit, f.comparator]).toEqual([kind, value, unit, comparator]);
  for (const [k, v] of Object.entries(flags)) expect([k, f?.[k as keyof Figure]]).toEqual([k, v]);
};

describe('figures in phrasings of other real reports', () => {
  it('passes each row to its check as one argument, so jest never waits for a done callback', () => {
    // jest hands a row's cells to the callback; one more parameter than cells is `done`.
    const cells = [...REAL_PHRASINGS, ...KNOWN_MISSES].map(asCase).map((c) => [c].length);
    expect(cells.filter((n) => checkCase.length > n)).toEqual([]);
  });
  it.failing.each(KNOWN_MISSES.map(asCase))('known miss: $sentence → $written', checkCase);
  it('has at least 60 distinct sentences', () =>
    expect(new Set(REAL_PHRASINGS.map((r) => r[0])).size).toBeGreaterThanOrEqual(60));
  it.each(REAL_PHRASINGS.map(asCase))('$sentence → $written', checkCase);
});

const SOURCE = { title: '测试', publisher: '测试', published: '2020-06-30', url: null };
const proposalOf = (s: string) => proposeReport(s, SOURCE, { known: [] });
const nameOf = (p: ReturnType<typeof proposalOf>, ref: { key?: string; fact?: string }) => {
  const f = p.facts.find((x) => x.id === ref.fact);
  return f?.kind === 'ENTITY' ? f.name : (ref.key ?? null);
};
const pairingsOf = (s: string) => {
  const p = proposalOf(s);
  return p.facts.flatMap((f) =>
    f.kind === 'PAIRING'
      ? [[nameOf(p, f.helper), nameOf(p, f.beneficiary), f.level, f.category, f.pairingKind, f.validFrom]]
      : [],
  );
};
const observationsOf = (s: string) =>
  proposalOf(s).facts.flatMap((f) =>
    f.kind === 'OBSERVATION' ? [[f.value, f.unit, f.comparator, f.computeKey]] : [],
  );

describe('relations in phrasings of other real reports', () => {
  it.failing(
    'known miss: [ZLT] a region department 定点帮扶 a gacha written with its banner and town',
    () => {
      expect(pairingsOf('内蒙古自治区财政厅定点帮扶扎赉特旗胡尔勒镇哈日珠日和嘎查。')).toEqual([
        ['内蒙古自治区财政厅', '哈日珠日和嘎查', 'REGION', 'AGENCY', 'ASSIST', '2020-06-30'],
      ]);
    },
  );
  it.failing('known miss: [ZLT] the department places its gacha under the chain of units before it', () => {
    const p = proposalOf('内蒙古自治区财政厅定点帮扶扎赉特旗胡尔勒镇哈日珠日和嘎查。');
    expect(p.mentions.map((m) => [m.type, m.name])).toEqual([
      ['ORGANIZATION', '内蒙古自治区财政厅'],
      ['ADMIN_UNIT', '扎赉特旗'],
      ['ADMIN_UNIT', '胡尔勒镇'],
      ['ADMIN_UNIT', '哈日珠日和嘎查'],
    ]);
  });
  it.failing(
    'known miss: [HRH] a person sent (派往) to a village as 第一书记 in a stated year is STATIONED from that year',
    () => {
      expect(
        pairingsOf('2015年，青海省动物疫病预防控制中心副主任张立成被派往荷日恒村担任第一书记。'),
      ).toContainEqual(['张立成', '荷日恒村', null, 'SECONDED_CADRE', 'STATIONED', '2015-01-01']);
    },
  );
  it.failing('known miss: [ZS] 与 two villages 签订结对帮扶协议 pairs the helper with each village', () => {
    expect(pairingsOf('舟山市工商联与万源市草坝镇寨坝村、大竹镇营盘村签订结对帮扶协议。')).toEqual([
      ['舟山市工商联', '寨坝村', 'CITY', 'AGENCY', 'ASSIST', '2020-06-30'],
      ['舟山市工商联', '营盘村', 'CITY', 'AGENCY', 'ASSIST', '2020-06-30'],
    ]);
  });
  it('[XHQ] a banner bureau 帮扶 a gacha (bureau named with its banner)', () => {
    expect(pairingsOf('镶黄旗统计局帮扶羊房沟嘎查已有20多年。')).toEqual([
      ['镶黄旗统计局', '羊房沟嘎查', 'BANNER', 'AGENCY', 'ASSIST', '2020-06-30'],
    ]);
  });
  it.failing(
    'known miss: [KEQ] 包联 villages: the count of villages is a beneficiary-village observation',
    () => {
      expect(observationsOf('科尔沁区组织30个重点部门包联30个重点贫困村。')).toContainEqual([
        30,
        'villages',
        'EXACT',
        'beneficiaryVillages.count',
      ]);
    },
  );
  it('[ZLT] money a department put in over years is a funds observation, MORE_THAN for 多', () => {
    expect(observationsOf('五年来，自治区财政厅共投入帮扶资金2500多万元。')).toEqual([
      [25000000, 'yuan', 'MORE_THAN', 'projects.amountYuan'],
    ]);
  });
  it('[ZS] 累计投入帮扶资金 with 亿余元 is a funds observation', () => {
    expect(observationsOf('普陀区累计投入帮扶资金2亿余元。')).toEqual([
      [200000000, 'yuan', 'MORE_THAN', 'projects.amountYuan'],
    ]);
  });
  it('[BYNR] 结对包扶贫困户 with a household count is households.paired', () => {
    expect(observationsOf('全市干部结对包扶贫困户2.1万户。')).toContainEqual([
      21000,
      'households',
      'EXACT',
      'households.paired',
    ]);
  });
  it('[AH] a per-household rate is not proposed as an observation total', () => {
    expect(observationsOf('为44户贫困户每户发放产业资金500元。').map((o) => o[0])).not.toContain(500);
  });
  it.failing('known miss: [WLQ] a village of a town of a banner is mentioned as a chain', () => {
    const p = proposalOf('乌拉特前旗西小召镇西小召村申请产业扶贫资金123万元。');
    expect(p.mentions.filter((m) => m.type === 'ADMIN_UNIT').map((m) => m.name)).toEqual([
      '乌拉特前旗',
      '西小召镇',
      '西小召村',
    ]);
  });
});
