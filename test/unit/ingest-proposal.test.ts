import { renderFacts } from '../../src/cli/ingest-command';
import { proposeReport } from '../../src/ingest/propose-report';
import type { KnownEntity } from '../../src/ingest/proposal';
import { scoreProposal } from '../../src/ingest/score-proposal';
import { goldOfSeedReport, proposeSeedReport } from '../support/ingest-gold';

const SOURCE = { title: '测试报道', publisher: '测试日报', published: '2020-05-01', url: null };
const TREE: KnownEntity[] = [
  {
    id: 'au:nmg',
    label: 'AdminUnit',
    name: '内蒙古自治区',
    aliases: ['自治区'],
    kind: 'REGION',
    level: null,
    parentId: null,
  },
  {
    id: 'au:bayannur',
    label: 'AdminUnit',
    name: '巴彦淖尔市',
    aliases: [],
    kind: 'CITY',
    level: null,
    parentId: 'au:nmg',
  },
  {
    id: 'au:wlthq',
    label: 'AdminUnit',
    name: '乌拉特后旗',
    aliases: [],
    kind: 'BANNER',
    level: null,
    parentId: 'au:bayannur',
  },
  {
    id: 'au:cgwde',
    label: 'AdminUnit',
    name: '潮格温都尔镇',
    aliases: [],
    kind: 'TOWNSHIP',
    level: null,
    parentId: 'au:wlthq',
  },
  {
    id: 'au:wlab',
    label: 'AdminUnit',
    name: '乌兰敖包嘎查',
    aliases: [],
    kind: 'GACHA_VILLAGE',
    level: null,
    parentId: 'au:cgwde',
  },
  {
    id: 'au:other-wlab',
    label: 'AdminUnit',
    name: '乌兰敖包嘎查',
    aliases: [],
    kind: 'GACHA_VILLAGE',
    level: null,
    parentId: 'au:elsewhere',
  },
];

describe('scores on the seed article (gold: seeds/report.json)', () => {
  const { proposal } = proposeSeedReport();
  const gold = goldOfSeedReport(proposal.text);
  const score = scoreProposal(proposal, gold.figures, gold.entities);
  it('figure recall ≥ 95 % and precision ≥ 90 %', () => {
    expect(score.figures.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.figures.precision).toBeGreaterThanOrEqual(0.9);
  });
  it('proposes the 6, 649 and 2015 pairing counts as observations with their level', () => {
    expect(score.pairingCounts).toEqual({ gold: 3, found: 3, missed: [] });
  });
  it('every quote is a verbatim substring at its offsets', () => expect(score.quotesVerbatim).toBe(true));
  it('finds the named region agencies and the units', () => {
    expect(score.entities.found).toBeGreaterThanOrEqual(6);
  });
});

describe('mention linking', () => {
  const p = proposeReport(
    '旗财政局选派干部张建军到乌拉特后旗潮格温都尔镇乌兰敖包嘎查担任驻村第一书记。',
    SOURCE,
    { known: TREE },
  );
  it('links a unit chain through the admin tree, choosing the namesake under the chain parent', () => {
    const units = p.mentions.filter((m) => m.type === 'ADMIN_UNIT').map((m) => [m.name, m.link?.key ?? null]);
    expect(units).toEqual([
      ['乌拉特后旗', 'au:wlthq'],
      ['潮格温都尔镇', 'au:cgwde'],
      ['乌兰敖包嘎查', 'au:wlab'],
    ]);
  });
  it('proposes an unknown organisation and a person with the post as new entities', () => {
    const entities = p.facts
      .filter((f) => f.kind === 'ENTITY')
      .map((f) => (f.kind === 'ENTITY' ? [f.label, f.name, f.post] : []));
    expect(entities).toEqual([
      ['Organization', '旗财政局', null],
      ['Person', '张建军', '驻村第一书记'],
    ]);
  });
  it('proposes the stationed pairing of the person with the village, quoting the sentence', () => {
    const pairings = p.facts.filter((f) => f.kind === 'PAIRING');
    expect(
      pairings.map((f) => f.kind === 'PAIRING' && [f.beneficiary.key, f.pairingKind, f.category]),
    ).toContainEqual(['au:wlab', 'STATIONED', 'SECONDED_CADRE']);
    for (const f of p.facts) expect(p.text.slice(f.quote.start, f.quote.end)).toBe(f.quote.text);
  });
  it('proposing a 10,000-character article takes under 2 s', () => {
    const { proposal } = proposeSeedReport();
    const big = proposal.text.repeat(2).slice(0, 10_000);
    const t0 = performance.now();
    proposeReport(big, SOURCE, { known: TREE });
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('numerals that cannot be held exactly', () => {
  it('are on the proposal and on the CLI’s summary, with their offsets, and no fact comes from them', () => {
    const p = proposeReport('累计投入9999999999999999元，帮扶贫困户35户。', SOURCE);
    expect(p.inexact).toEqual([{ start: 4, end: 20 }]);
    expect(p.facts.map((f) => (f.kind === 'OBSERVATION' ? f.value : null)).filter((v) => v !== null)).toEqual(
      [35],
    );
    expect(renderFacts(p, {}, null)).toContain(
      'not read (a value that cannot be held exactly, so no figure or fact): “9999999999999999” @4\n',
    );
  });
});
