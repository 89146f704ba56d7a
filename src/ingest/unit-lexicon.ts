/**
 * What a figure counts: the counted noun (before or after the number) mapped to a canonical unit,
 * and the measure words (量词) each unit can take. A noun is chosen only when its unit admits the
 * figure's measure word, so `16名优秀村干部` counts persons (名 does not count villages) and
 * `自治区级机关2项` does not count agencies (项 does not count organizations).
 */
export interface UnitEntry {
  readonly keyword: string;
  readonly unit: string;
  /** Measure words this unit is counted with; '' = directly after the number (5000贫困人口). */
  readonly classifiers: readonly string[];
}

const PERSONS = ['名', '人', '位', '个', '余名', '多名'];
const entries: [string[], string, string[]][] = [
  [['对子', '帮扶对子', '结对对子'], 'pairings', ['个', '对']],
  [['嘎查村', '嘎查', '行政村', '自然村', '贫困村', '示范村', '村'], 'villages', ['个', '所']],
  [['社区'], 'communities', ['个']],
  [['苏木乡镇', '乡镇', '苏木', '街道', '镇', '乡'], 'townships', ['个']],
  [['旗县', '旗县区', '县区', '县'], 'counties', ['个']],
  [
    [
      '单位',
      '机关',
      '部门',
      '党组织',
      '组织',
      '党支部',
      '支部',
      '院校',
      '医院',
      '学校',
      // government bodies counted together (7家厅局, 16个委办局, 30个科局)
      '厅局',
      '委办局',
      '科局',
      '机构',
    ],
    'organizations',
    ['个', '家', '所'],
  ],
  [['企业', '公司', '合作社', '商会'], 'enterprises', ['家', '个']],
  [
    [
      '干部',
      '书记',
      '主任',
      '村官',
      '党员',
      '人员',
      '个人',
      '代表',
      '同志',
      '教师',
      '医生',
      '专家',
      '群众',
      '农民',
      '村民',
      '职工',
      '劳动力',
      '工作队员',
      '队员',
      '乡贤',
    ],
    'persons',
    PERSONS,
  ],
  [['人口', '贫困人口', '人'], 'persons', [...PERSONS, '']],
  [['学生', '大学生', '儿童'], 'students', ['名', '人', '位']],
  [['大学生村官'], 'persons', PERSONS],
  [['贫困户', '农户', '农牧户', '牧户', '脱贫户', '户'], 'households', ['户', '个', '家']],
  [['项目', '工程'], 'projects', ['项', '个']],
  [['计划', '规划', '方案'], 'plans', ['项', '个', '份']],
  [['纠纷', '矛盾'], 'disputes', ['件', '起']],
  [['困难', '难题', '问题', '实事', '好事'], 'cases', ['件', '个', '项']],
  [['调研', '走访', '入户', '看望', '慰问'], 'visits', ['次', '人次', '户次']],
  [['督查', '检查', '督导', '考核'], 'inspections', ['次', '轮']],
  [['演出', '活动', '宣讲', '培训', '讲座', '会议', '座谈会'], 'events', ['场', '场次', '次', '期']],
  [['宣传册', '资料', '手册', '材料', '明白卡', '宣传单'], 'copies', ['份', '册', '本', '张']],
  [['组室', '小组', '工作组', '组'], 'groups', ['个']],
  [['耕地', '土地', '草场', '林地', '大棚'], 'mu', ['亩']],
  [['牛', '羊', '肉牛', '肉羊', '基础母牛', '生猪', '牲畜'], 'head', ['头', '只', '口']],
  [['道路', '公路', '水泥路', '硬化路'], 'km', ['公里', '千米']],
  [['水井', '机井', '电井', '井'], 'wells', ['眼', '口']],
  [['工作队', '服务队', '小分队'], 'teams', ['个', '支']],
  [['房屋', '危房', '住房'], 'dwellings', ['间', '套', '户', '处']],
];

/** Every keyword with its unit, longest keywords first (so 大学生村官 wins over 学生 at one position). */
export const UNIT_LEXICON: readonly UnitEntry[] = entries
  .flatMap(([keys, unit, classifiers]) => keys.map((keyword) => ({ keyword, unit, classifiers })))
  .sort((a, b) => b.keyword.length - a.keyword.length);

/** The unit a measure word implies when no counted noun fits. */
export const CLASSIFIER_UNITS: Readonly<Record<string, string>> = {
  名: 'persons',
  人: 'persons',
  位: 'persons',
  人次: 'person-times',
  户: 'households',
  户次: 'household-times',
  家: 'enterprises',
  元: 'yuan',
  '%': 'percent',
  个百分点: 'percentage-points',
  亩: 'mu',
  公顷: 'hectares',
  平方米: 'm2',
  立方米: 'm3',
  // 2451口人: 口 counts the people of a village or a household
  口人: 'persons',
  平方公里: 'km2',
  公里: 'km',
  千米: 'km',
  米: 'm',
  吨: 'tonnes',
  公斤: 'kg',
  千克: 'kg',
  斤: 'jin',
  年: 'years',
  个月: 'months',
  天: 'days',
  次: 'times',
  场: 'events',
  场次: 'events',
  份: 'copies',
  册: 'copies',
  本: 'copies',
  // Donated goods are counted by the box and the bag (434箱, 200袋).
  箱: 'boxes',
  袋: 'bags',
  头: 'head',
  只: 'head',
  级: 'levels',
  类: 'categories',
  倍: 'times-multiple',
  岁: 'years-of-age',
};

/**
 * Measure words, longest first: a figure is a number followed by one of these (or by 余/多 and one
 * of these). 年/个月/天 are measure words of durations and counts of years.
 */
export const CLASSIFIERS: readonly string[] = [
  '个百分点',
  '平方公里',
  '平方米',
  '立方米',
  '口人',
  '场次',
  '人次',
  '户次',
  '个月',
  '公里',
  '千米',
  '公顷',
  '公斤',
  '千克',
  '个',
  '名',
  '位',
  '家',
  '户',
  '人',
  '项',
  '件',
  '起',
  '次',
  '场',
  '份',
  '册',
  '本',
  '张',
  '箱',
  '袋',
  '所',
  '座',
  '条',
  '处',
  '套',
  '间',
  '期',
  '轮',
  // teams and groups (32支帮扶工作队)
  '支',
  '头',
  '只',
  '口',
  '眼',
  '亩',
  '吨',
  '斤',
  '米',
  '元',
  '年',
  '天',
  '倍',
  '岁',
  '对',
  '%',
].sort((a, b) => b.length - a.length);

/**
 * The unit of a figure with measure word `classifier`, read from the counted noun after it
 * (`after`, earliest keyword first) or before it (`before`, nearest keyword first); null when no
 * keyword admits the classifier.
 */
export function unitFromNouns(classifier: string, after: string, before: string): string | null {
  const fits = (e: UnitEntry) => e.classifiers.includes(classifier);
  let best: { pos: number; entry: UnitEntry } | null = null;
  for (const e of UNIT_LEXICON) {
    const pos = after.indexOf(e.keyword);
    if (pos >= 0 && fits(e) && (best === null || pos < best.pos)) best = { pos, entry: e };
  }
  // Chinese noun phrases are head-final: a fitting keyword that starts where the chosen one ends
  // (驻村|工作队, 机关|单位) names the head, so it wins.
  for (let moved = true; best && moved;) {
    moved = false;
    const end: number = best.pos + best.entry.keyword.length;
    for (const e of UNIT_LEXICON) {
      const pos = after.indexOf(e.keyword, best.pos + 1);
      if (pos > best.pos && pos <= end && fits(e) && pos + e.keyword.length > end) {
        best = { pos, entry: e };
        moved = true;
        break;
      }
    }
  }
  if (best) return best.entry.unit;
  let near: { end: number; entry: UnitEntry } | null = null;
  for (const e of UNIT_LEXICON) {
    const pos = before.lastIndexOf(e.keyword);
    const end = pos + e.keyword.length;
    if (pos >= 0 && fits(e) && (near === null || end > near.end)) near = { end, entry: e };
  }
  return near ? near.entry.unit : null;
}
