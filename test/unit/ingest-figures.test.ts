import type { Figure } from '../../src/ingest/figure';
import { extractFigures } from '../../src/ingest/figures';
import { normaliseReport } from '../../src/ingest/normalise-report';
import fc from 'fast-check';
import { parseNumber } from '../../src/ingest/chinese-number';
import { REAL_PHRASINGS } from '../support/ingest-phrasings';

/** The figures of one sentence, as [as written, kind, value, unit, comparator] plus flags. */
function figuresOf(s: string): Figure[] {
  const r = normaliseReport(s, 'text');
  return extractFigures(r.text, r.analysis);
}
const first = (s: string, written: string) => {
  const r = normaliseReport(s, 'text');
  const f = extractFigures(r.text, r.analysis).find(
    (x) => r.text.slice(x.span.start, x.span.end) === written,
  );
  if (!f)
    throw new Error(
      `no figure written ${written} in ${s}: ${JSON.stringify(extractFigures(r.text, r.analysis).map((x) => r.text.slice(x.span.start, x.span.end)))}`,
    );
  return f;
};

// Phrasings of the kinds county, banner and regional reports on 结对帮扶 / 驻村 use; the sentences are
// our own, with made-up facts. Columns: sentence, the figure as written, kind, value, unit, comparator.
const TABLE: [string, string, Figure['kind'], number, string, Figure['comparator']][] = [
  ['全旗共选派驻村第一书记86名。', '86名', 'COUNT', 86, 'persons', 'EXACT'],
  ['选派32名干部组成11个驻村工作队。', '32名', 'COUNT', 32, 'persons', 'EXACT'],
  ['选派32名干部组成11个驻村工作队。', '11个', 'COUNT', 11, 'teams', 'EXACT'],
  ['该局与3个嘎查结成帮扶对子。', '3个', 'COUNT', 3, 'villages', 'EXACT'],
  ['全县建立帮扶对子1200余个。', '1200余个', 'COUNT', 1200, 'pairings', 'MORE_THAN'],
  ['结对帮扶贫困户2300多户。', '2300多户', 'COUNT', 2300, 'households', 'MORE_THAN'],
  ['累计投入帮扶资金1.2亿元。', '1.2亿元', 'AMOUNT', 120000000, 'yuan', 'EXACT'],
  ['争取项目资金350万元。', '350万元', 'AMOUNT', 3500000, 'yuan', 'EXACT'],
  ['协调落实资金八十万元用于修路。', '八十万元', 'AMOUNT', 800000, 'yuan', 'EXACT'],
  ['捐赠物资折价约15万元。', '15万元', 'AMOUNT', 150000, 'yuan', 'EXACT'],
  ['村集体经济收入达到5.6万元。', '5.6万元', 'AMOUNT', 56000, 'yuan', 'EXACT'],
  ['人均可支配收入12,680元。', '12,680元', 'AMOUNT', 12680, 'yuan', 'EXACT'],
  ['帮助销售农畜产品近200万元。', '200万元', 'AMOUNT', 2000000, 'yuan', 'EXACT'],
  ['贫困发生率降至0.8%。', '0.8%', 'PERCENT', 0.8, 'percent', 'EXACT'],
  ['化解率达百分之九十。', '百分之九十', 'PERCENT', 90, 'percent', 'EXACT'],
  ['群众满意度达98.5％。', '98.5％', 'PERCENT', 98.5, 'percent', 'EXACT'],
  ['共排查矛盾纠纷46件。', '46件', 'COUNT', 46, 'disputes', 'EXACT'],
  ['已调处化解41件。', '41件', 'COUNT', 41, 'items', 'EXACT'],
  ['为群众办实事好事300余件。', '300余件', 'COUNT', 300, 'cases', 'MORE_THAN'],
  ['入户走访1500余次。', '1500余次', 'COUNT', 1500, 'visits', 'MORE_THAN'],
  ['开展督查3轮。', '3轮', 'COUNT', 3, 'inspections', 'EXACT'],
  ['举办培训班12期。', '12期', 'COUNT', 12, 'events', 'EXACT'],
  ['组织文艺演出三十场次。', '三十场次', 'COUNT', 30, 'events', 'EXACT'],
  ['发放明白卡4000余张。', '4000余张', 'COUNT', 4000, 'copies', 'MORE_THAN'],
  ['实施产业项目27个。', '27个', 'COUNT', 27, 'projects', 'EXACT'],
  ['落实帮扶项目一百零五项。', '一百零五项', 'COUNT', 105, 'projects', 'EXACT'],
  ['新建标准化暖棚52座。', '52座', 'COUNT', 52, 'items', 'EXACT'],
  ['发放基础母牛260头。', '260头', 'COUNT', 260, 'head', 'EXACT'],
  ['扶持养殖户购买肉羊1,500只。', '1,500只', 'COUNT', 1500, 'head', 'EXACT'],
  ['硬化村内道路12.5公里。', '12.5公里', 'COUNT', 12.5, 'km', 'EXACT'],
  ['流转土地3000亩。', '3000亩', 'COUNT', 3000, 'mu', 'EXACT'],
  ['打机电井8眼。', '8眼', 'COUNT', 8, 'wells', 'EXACT'],
  ['改造危房130户。', '130户', 'COUNT', 130, 'dwellings', 'EXACT'],
  ['带动就业400余人。', '400余人', 'COUNT', 400, 'persons', 'MORE_THAN'],
  ['帮助2.3万名群众稳定增收。', '2.3万名', 'COUNT', 23000, 'persons', 'EXACT'],
  ['全市有1.1万余名党员干部参与。', '1.1万余名', 'COUNT', 11000, 'persons', 'MORE_THAN'],
  ['惠及农牧民5000人以上。', '5000人以上', 'COUNT', 5000, 'persons', 'AT_LEAST'],
  ['至少帮扶3户贫困户的要求全部落实。', '3户', 'COUNT', 3, 'households', 'AT_LEAST'],
  ['资助贫困大学生45名。', '45名', 'COUNT', 45, 'students', 'EXACT'],
  ['共有15家企业参与“万企帮万村”。', '15家', 'COUNT', 15, 'enterprises', 'EXACT'],
  ['28个旗直部门参与包联。', '28个', 'COUNT', 28, 'organizations', 'EXACT'],
  ['覆盖全旗9个苏木镇。', '9个', 'COUNT', 9, 'townships', 'EXACT'],
  ['帮扶贫困村两个。', '两个', 'COUNT', 2, 'villages', 'EXACT'],
  ['建成村级活动场所6处。', '6处', 'COUNT', 6, 'items', 'EXACT'],
  ['解决3000贫困人口饮水问题。', '3000', 'COUNT', 3000, 'persons', 'EXACT'],
  ['增长了2倍。', '2倍', 'COUNT', 2, 'times-multiple', 'EXACT'],
  ['每个嘎查投入50万元发展集体经济。', '50万元', 'RATE', 500000, 'yuan', 'EXACT'],
  ['每户补助3000元。', '3000元', 'RATE', 3000, 'yuan', 'EXACT'],
  ['每名处级干部联系2户贫困户。', '2户', 'RATE', 2, 'households', 'EXACT'],
  ['每年安排专项资金200万元。', '200万元', 'AMOUNT', 2000000, 'yuan', 'EXACT'],
  ['每村安排资金20万元，共投入600万元。', '600万元', 'AMOUNT', 6000000, 'yuan', 'EXACT'],
  ['户均增收3000-5000元。', '3000-5000元', 'RANGE', 3000, 'yuan', 'EXACT'],
  ['预计投资3至5万元。', '3至5万元', 'RANGE', 30000, 'yuan', 'EXACT'],
  ['驻村工作队员每年驻村不少于200天。', '200天', 'COUNT', 200, 'days', 'AT_LEAST'],
  ['他驻村已8年多了。', '8年多', 'COUNT', 8, 'years', 'MORE_THAN'],
  ['三年内实现全部脱贫。', '三年', 'DURATION', 3, 'years', 'EXACT'],
  ['8年多来，他坚持走访。', '8年多', 'DURATION', 8, 'years', 'MORE_THAN'],
  ['2013年4月16日，工作队进驻。', '2013年4月16日', 'DATE', 2013, 'date', 'EXACT'],
  ['2012年以来，共选派干部120名。', '2012年以来', 'YEAR', 2012, 'year', 'EXACT'],
  ['2012年以来，共选派干部120名。', '120名', 'COUNT', 120, 'persons', 'EXACT'],
  ['二〇一五年三月，双方签订协议。', '二〇一五年三月', 'YEAR', 2015, 'month', 'EXACT'],
  ['【发布时间】2013年04月16日', '2013年04月16日', 'DATE', 2013, 'date', 'EXACT'],
  ['自2016年起实施。', '2016年', 'YEAR', 2016, 'year', 'EXACT'],
  ['超过1000户受益。', '1000户', 'COUNT', 1000, 'households', 'MORE_THAN'],
];

describe('figure normalisation: a table of report phrasings', () => {
  it('has at least 60 phrasings', () => expect(TABLE.length).toBeGreaterThanOrEqual(60));
  it.each(TABLE)('%s → %s', (sentence, written, kind, value, unit, comparator) => {
    const f = first(sentence, written);
    expect([f.kind, f.value, f.unit, f.comparator]).toEqual([kind, value, unit, comparator]);
  });
});

describe('every written number is one figure', () => {
  const written = (s: string) => {
    const r = normaliseReport(s, 'text');
    return extractFigures(r.text, r.analysis).map((f) => ({ f, w: r.text.slice(f.span.start, f.span.end) }));
  };
  const overlaps = (s: string) => {
    const fs = extractFigures(normaliseReport(s, 'text').text, normaliseReport(s, 'text').analysis);
    return fs.filter((x, i) =>
      fs.some((y, j) => j !== i && x.span.start < y.span.end && y.span.start < x.span.end),
    );
  };
  it('no two figures of a table sentence overlap', () => {
    const sentences = [...new Set([...TABLE, ...REAL_PHRASINGS].map((r) => r[0]))];
    expect(sentences.filter((s) => overlaps(s).length > 0)).toEqual([]);
  });
  it('a range low至high with a measure word is one RANGE with its high end (any numbers, any measure word)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom('至', '到', '-', '～'),
        fc.constantFrom('名', '户', '个', '万元', '元', '人', '件'),
        (x, y, sep, c) => {
          const [lo, hi] = [Math.min(x, y), Math.max(x, y) + 1];
          const got = written(`每户补助${lo}${sep}${hi}${c}。`);
          expect(got.map((g) => [g.w, g.f.value, g.f.high])).toEqual([
            [`${lo}${sep}${hi}${c}`, c === '万元' ? lo * 1e4 : lo, c === '万元' ? hi * 1e4 : hi],
          ]);
        },
      ),
    );
  });
  it('two years joined by 至/到/- are one span of calendar years (written with or without the first 年)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2090 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom('至', '到', '-'),
        fc.boolean(),
        (y, n, sep, firstYear) => {
          const text = `${y}${firstYear ? '年' : ''}${sep}${y + n}年`;
          const got = written(`${text}，共投入资金80万元。`);
          expect(got.map((g) => [g.w, g.f.kind, g.f.value, g.f.high, g.f.unit, g.f.date])).toEqual([
            [text, 'RANGE', y, y + n, 'year', String(y)],
            ['80万元', 'AMOUNT', 800000, null, 'yuan', null],
          ]);
        },
      ),
    );
  });
});

describe('figure flags', () => {
  it('近/约 mark a figure as approximate, 累计 as cumulative', () => {
    expect(first('帮助销售农畜产品近200万元。', '200万元').about).toBe(true);
    expect(first('捐赠物资折价约15万元。', '15万元').about).toBe(true);
    expect(first('累计投入帮扶资金1.2亿元。', '1.2亿元').cumulative).toBe(true);
    expect(first('争取项目资金350万元。', '350万元').cumulative).toBe(false);
  });
  it('a range keeps its high end; 2012年以来 keeps since; 每年 is a period', () => {
    expect(first('户均增收3000-5000元。', '3000-5000元').high).toBe(5000);
    expect(first('预计投资3至5万元。', '3至5万元').high).toBe(50000);
    expect(first('2012年以来，共选派干部120名。', '2012年以来').since).toBe(true);
    expect(first('每年安排专项资金200万元。', '200万元').period).toBe('year');
    expect(first('每个嘎查投入50万元发展集体经济。', '50万元').per).toBe('个嘎查');
  });
});

describe('numerals that are names are not figures', () => {
  it.each([
    '深化“三到”服务活动。',
    '推进“八项”重点工作。',
    '村级“两委”换届。',
    '一是明确思路，二是建立机制。',
    '采取“一对一”帮扶。',
    '担任驻村第一书记。',
    '化解一批社会矛盾。',
    '万名党员干部下基层。',
  ])('%s has no count', (s) => {
    expect(figuresOf(s).filter((f) => f.kind !== 'YEAR' && f.kind !== 'DATE')).toEqual([]);
  });
  it('a quoted count after an enumeration of as many items is a figure', () => {
    expect(first('构建了自治区、市、旗、乡、村“五级”帮扶机制。', '五级')).toMatchObject({
      value: 5,
      unit: 'levels',
    });
    expect(first('开展送理论、送文化、送法律“三送”活动。', '三送')).toMatchObject({
      value: 3,
      unit: 'themes',
    });
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['一百零五', 105],
    ['十二', 12],
    ['两千', 2000],
    ['一亿二千万', 120000000],
    ['三点五', 3.5],
    ['二〇一三', 2013],
    ['1.5万', 15000],
    ['3千万', 30000000],
    ['1,079万', 10790000],
    ['三点五万', 35000],
    ['四千一百二十五点四万', 41254000],
  ])('%s = %d', (s, n) => expect(parseNumber(s)).toBe(n));
});

describe('traditional script', () => {
  it('reads traditional input with the same figures and quotes the text as written', () => {
    const trad = '全旗選派駐村第一書記86名，累計投入幫扶資金1.2億元，結對幫扶貧困戶2300多戶。';
    const r = normaliseReport(trad, 'text');
    expect(r.traditional).toBe(true);
    expect(r.analysis.length).toBe(r.text.length);
    const got = extractFigures(r.text, r.analysis).map((f) => [
      r.text.slice(f.span.start, f.span.end),
      f.value,
      f.unit,
      f.comparator,
    ]);
    expect(got).toEqual([
      ['86名', 86, 'persons', 'EXACT'],
      ['1.2億元', 120000000, 'yuan', 'EXACT'],
      ['2300多戶', 2300, 'households', 'MORE_THAN'],
    ]);
    for (const f of extractFigures(r.text, r.analysis)) expect(trad.includes(f.quote.text)).toBe(true);
  });
  it('HTML is reduced to its text with entities decoded', () => {
    const r = normaliseReport(
      '<html><body><p>投入资金&nbsp;50万元</p><script>var x=1</script><p>帮扶3户</p></body></html>',
    );
    expect(r.text).toBe('投入资金 50万元\n\n帮扶3户');
  });
});
