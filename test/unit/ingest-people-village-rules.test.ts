import { proposeReport } from '../../src/ingest/propose-report';

// Observation rules for people and village-level units (大学生村官 in 两委 and by post, stationed
// and promoted cadres, village cadres made secretaries of backward villages, poverty-relief goals,
// villages by kind and by designation), on sentences written in our own words with the facts and
// phrasing of other real reports — never the seed article's sentences:
// - [XH] 新华网 2010-12-26, 大学生“村官”进入村“两委”班子 and 其中担任…负责人 (chinadaily.com.cn mirror,
//   https://global.chinadaily.com.cn/dfpd/shizheng/2010-12/26/content_11756487.htm);
// - [NP] 南平市下派“村官”: 选派…党员干部（科局级或优秀后备干部）到…村担任党支部书记
//   (https://jxxfw.com/periodical/36119cdfeabb732268f64c11e8ff9166.html);
// - [ZC] 干部下沉驻村: 选派驻村干部…万名，其中第一书记…、工作队员… (https://www.renrendoc.com/paper/507827680.html);
// - [GOAL] the 今年…脱贫 / 三年内…脱贫 goal phrasings and [VIL] 全县辖…个行政村、…个社区 of county
//   reports already cited in test/support/ingest-phrasings.ts.

const SOURCE = { title: '测试', publisher: '测试', published: '2016-06-30', url: null };

/** Each observation of a sentence as [the figure as written, computeKey, dimensions]. */
const observationsOf = (sentence: string) => {
  const p = proposeReport(sentence, SOURCE, { known: [] });
  return p.facts.flatMap((f) =>
    f.kind === 'OBSERVATION'
      ? [[p.text.slice(f.figure.start, f.figure.end), f.computeKey, f.dimensions] as const]
      : [],
  );
};

describe('observation rules for people and village-level units', () => {
  it('[XH] 大学生村官 in 两委: the total and each post, a bare 副书记/副主任 taking the place named before it', () => {
    expect(
      observationsOf(
        '截至去年底，全县共有86名大学生村官进入村“两委”班子，其中担任村党支部副书记17人、村委会副主任25人、两委委员44人。',
      ),
    ).toEqual([
      ['86名', 'villageOfficials.inCommittees', {}],
      ['17人', 'villageOfficials.byPost', { post: 'VILLAGE_DEPUTY_SECRETARY' }],
      ['25人', 'villageOfficials.byPost', { post: 'VILLAGE_DEPUTY_DIRECTOR' }],
      ['44人', 'villageOfficials.byPost', { post: 'COMMITTEE_MEMBER' }],
    ]);
    expect(
      observationsOf(
        '全市有312名大学生村官当选村“两委”成员，其中社区居委会主任9人、副主任40人，嘎查党支部书记7人。',
      ),
    ).toEqual([
      ['312名', 'villageOfficials.inCommittees', {}],
      ['9人', 'villageOfficials.byPost', { post: 'COMMUNITY_DIRECTOR' }],
      ['40人', 'villageOfficials.byPost', { post: 'COMMUNITY_DEPUTY_DIRECTOR' }],
      ['7人', 'villageOfficials.byPost', { post: 'VILLAGE_SECRETARY' }],
    ]);
  });

  it('a count of post holders is not a 大学生村官 count when the sentence names no 大学生村官', () => {
    expect(observationsOf('全镇村党支部书记12人参加了培训。').map(([, k]) => k)).toEqual([null]);
  });

  it('[ZC] cadres stationed in villages (驻村/进驻/派驻 later in the sentence), and those promoted', () => {
    expect(observationsOf('从县直单位选派45名年轻干部，全脱产驻村开展帮扶工作。')).toEqual([
      ['45名', 'secondedCadres.stationed', {}],
    ]);
    expect(observationsOf('三年来，先后有23名驻村干部被提拔重用。')).toEqual([
      ['23名', 'secondedCadres.promoted', {}],
    ]);
    expect(observationsOf('已有5名挂职干部晋升为副科级领导。')).toEqual([
      ['5名', 'secondedCadres.promoted', {}],
    ]);
  });

  it('[NP] village cadres put in as secretaries of weak villages, but not cadres sent from agencies', () => {
    expect(observationsOf('换届中，把12名优秀村干部调整到软弱涣散村担任党支部书记。')).toEqual([
      ['12名', 'tenures.transferredSecretaries', {}],
    ]);
    expect(observationsOf('先后选派1136名党员干部到后进村担任党支部书记。').map(([, k]) => k)).toEqual([
      null,
    ]);
  });

  it('[GOAL] poverty-relief goals with their horizon; results already achieved and other horizons are not goals', () => {
    expect(observationsOf('今年计划实现3200名贫困人口稳定脱贫，力争三年内解决1.2万人的脱贫问题。')).toEqual([
      ['3200名', 'goals.targetPersons', { horizon: 'THIS_YEAR' }],
      ['1.2万人', 'goals.targetPersons', { horizon: 'THREE_YEARS' }],
    ]);
    expect(observationsOf('五年来累计帮助8600名贫困人口实现脱贫。').map(([, k]) => k)).toEqual([null]);
    expect(observationsOf('力争五年内实现2万人脱贫。').map(([, k]) => k)).toEqual([null]);
  });

  it('[VIL] village-level units by kind and new-countryside demonstration villages; villages helped are not', () => {
    expect(observationsOf('全县辖215个行政村、12个社区，确定了25个新农村示范村重点扶持。')).toEqual([
      ['215个', 'villages.countByKind', { unitKind: 'GACHA_VILLAGE' }],
      ['12个', 'villages.countByKind', { unitKind: 'COMMUNITY' }],
      ['25个', 'villages.designated', { designation: 'NEW_COUNTRYSIDE_DEMONSTRATION' }],
    ]);
    expect(observationsOf('市直单位包联30个重点贫困村。').map(([, k]) => k)).toEqual([null]);
    expect(observationsOf('在30个贫困村实施了产业项目。').map(([, k]) => k)).toEqual([null]);
  });
});
