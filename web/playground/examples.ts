/**
 * Saved example operations of the playground, one set per user group. Pure data (no DOM), so the
 * unit tests can validate every operation against the schema: an example that stops matching the
 * API fails the build's tests instead of failing a user.
 */

/** Who an example is for. */
export type Audience = 'analysts' | 'frontend' | 'researchers';

export interface Example {
  /** Stable id, also used by tests and as the DOM id of the entry. */
  id: string;
  audience: Audience;
  /** Label in Chinese (shown first) and English. */
  zh: string;
  en: string;
  /** The operation; a leading comment repeats the label so the tab explains itself. */
  query: string;
  /** Variables as an object; the playground pretty-prints them into the variables editor. */
  variables?: Record<string, unknown>;
}

export const AUDIENCES: readonly { id: Audience; zh: string; en: string }[] = [
  { id: 'analysts', zh: '分析人员', en: 'Analysts' },
  { id: 'frontend', zh: '前端开发', en: 'Front-end developers' },
  { id: 'researchers', zh: '研究人员', en: 'Researchers' },
];

/** The global id of 城壕村 (AdminUnit au:chenghao); ids are opaque, take them from the API. */
const CHENGHAO_ID = 'QWRtaW5Vbml0OmF1OmNoZW5naGFv';
/** 准格尔旗 (AdminUnit au:zhungeer). */
const ZHUNGEER_ID = 'QWRtaW5Vbml0OmF1OnpodW5nZWVy';
/** 刘显亮 (Person person:liu-xianliang), the report's exemplar. */
const LIU_ID = 'UGVyc29uOnBlcnNvbjpsaXUteGlhbmxpYW5n';
/** 新华社内蒙古分社 (Organization org:xinhua-nmg). */
const XINHUA_ID = 'T3JnYW5pemF0aW9uOm9yZzp4aW5odWEtbm1n';
/** A household of 城壕村 (synthetic: 示例户00001). */
const HOUSEHOLD_ID = 'SG91c2Vob2xkOnN5bjpiMDAxOmhvdXNlaG9sZDowMDAwMQ';

export const EXAMPLES: readonly Example[] = [
  {
    id: 'chenghao-region-helpers',
    audience: 'analysts',
    zh: '城壕村的自治区级帮扶单位',
    en: "城壕村's region-level helpers",
    query: `# 城壕村的自治区级帮扶单位 — 城壕村's region-level helpers
query ChenghaoRegionHelpers($name: String! = "城壕村") {
  search(query: $name, kinds: [ADMIN_UNIT], first: 1) {
    edges {
      node {
        name
        ... on AdminUnit {
          assistedBy(first: 20, filter: { level: [REGION] }) {
            totalCount
            edges {
              node {
                kind
                validFrom
                helper {
                  name
                  aliases
                }
              }
            }
          }
        }
      }
    }
  }
}`,
    variables: { name: '城壕村' },
  },
  {
    id: 'pairings-by-level',
    audience: 'analysts',
    zh: '各级帮扶对子数（五级）',
    en: 'Pairings per level (五级)',
    query: `# 各级帮扶对子数 — Pairings per helper level, valid on a day
query PairingsByLevel($on: Date!) {
  region: pairings(filter: { level: [REGION], activeOn: $on }) { totalCount }
  city: pairings(filter: { level: [CITY], activeOn: $on }) { totalCount }
  banner: pairings(filter: { level: [BANNER], activeOn: $on }) { totalCount }
  township: pairings(filter: { level: [TOWNSHIP], activeOn: $on }) { totalCount }
  village: pairings(filter: { level: [VILLAGE], activeOn: $on }) { totalCount }
}`,
    variables: { on: '2013-04-16' },
  },
  {
    id: 'chenghao-pairing-graph',
    audience: 'analysts',
    zh: '城壕村的帮扶网络（两层）',
    en: "城壕村's pairing network (two hops)",
    query: `# 城壕村的帮扶网络 — the pairing graph around 城壕村, two hops deep
query ChenghaoNetwork($root: ID!) {
  pairingGraph(rootIds: [$root], depth: 2, maxNodes: 200) {
    truncated
    nodes { id name kind level category provenance depth }
    edges { source target kind level category validFrom validTo }
  }
}`,
    variables: { root: CHENGHAO_ID },
  },
  {
    id: 'admin-units-page',
    audience: 'frontend',
    zh: '分页浏览嘎查村（游标）',
    en: 'Paging through villages (cursors)',
    query: `# 分页浏览嘎查村 — Relay cursor paging; pass endCursor as $after for the next page
query Villages($after: String) {
  adminUnits(first: 5, after: $after, filter: { kind: [GACHA_VILLAGE] }, orderBy: NAME) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name provenance parent { name } } }
  }
}`,
    variables: { after: null },
  },
  {
    id: 'search-cjk',
    audience: 'frontend',
    zh: '中文全文检索',
    en: 'Full-text search in Chinese',
    query: `# 中文全文检索 — CJK-aware search over names and aliases
query Search($text: String!) {
  search(query: $text, first: 10) {
    totalCount
    edges {
      score
      kind
      node { id name aliases provenance }
    }
  }
}`,
    variables: { text: '金融办' },
  },
  {
    id: 'node-by-id',
    audience: 'frontend',
    zh: '按全局 id 取对象',
    en: 'Refetch an object by global id',
    query: `# 按全局 id 取对象 — Relay node(id:); ids are opaque strings returned by the API
query NodeById($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Entity { name aliases provenance }
    ... on AdminUnit { kind parent { id name } }
  }
}`,
    variables: { id: CHENGHAO_ID },
  },
  {
    id: 'sources-citations',
    audience: 'researchers',
    zh: '来源与引文',
    en: 'Sources and verbatim citations',
    query: `# 来源与引文 — every reported fact cites a verbatim quote of a source
query Sources {
  sources(first: 5) {
    edges {
      node {
        title
        publisher
        published
        citations(first: 5) {
          totalCount
          edges { node { quote charOffset } }
        }
      }
    }
  }
}`,
  },
  {
    id: 'reported-vs-synthetic',
    audience: 'researchers',
    zh: '报道层与合成层',
    en: 'Reported versus synthetic layer',
    query: `# 报道层与合成层 — how many pairings each layer holds (合成 = SYNTHETIC, names start with 示例)
query Layers {
  reported: pairings(filter: { provenance: [REPORTED] }) { totalCount }
  derived: pairings(filter: { provenance: [DERIVED] }) { totalCount }
  synthetic: pairings(filter: { provenance: [SYNTHETIC] }) { totalCount }
}`,
  },
  {
    id: 'entity-citations',
    audience: 'researchers',
    zh: '实体的引文',
    en: "An entity's citations",
    query: `# 实体的引文 — the quotes that support an entity and where they come from
query EntityCitations($name: String!) {
  search(query: $name, first: 3) {
    edges {
      node {
        name
        provenance
        citations { quote source { title publisher published } }
      }
    }
  }
}`,
    variables: { name: '新华社内蒙古分社' },
  },
  {
    id: 'matrix-drilldown',
    audience: 'analysts',
    zh: '五级四类矩阵与下钻',
    en: 'The 五级四类 matrix, with drill-down',
    query: `# 五级四类矩阵 — How many 帮扶对子 does each level and category of helper hold in 准格尔旗 on the report's date, and which are they?
query Matrix($area: ID!, $on: Date!) {
  pairingMatrix(areaId: $area, activeOn: $on) {
    total { pairs helpers beneficiaries }
    cells { level category pairs helpers }
    # drill-down: the pairings behind a row
    levels {
      level
      pairs
      helpers
      pairings(first: 3) { totalCount edges { node { key helper { name } beneficiary { name } } } }
    }
  }
}`,
    variables: { area: ZHUNGEER_ID, on: '2013-04-16' },
  },
  {
    id: 'coverage',
    audience: 'analysts',
    zh: '覆盖情况：哪些村户尚无帮扶',
    en: 'Coverage: which villages and households are not assisted',
    query: `# 覆盖情况 — Does every village and poor household of 准格尔旗 have a helper, and how many helpers does each village have?
query Coverage($area: ID!, $on: Date!) {
  coverage(areaId: $area, activeOn: $on) {
    villages { registered assisted unassisted share }
    households { registered assisted unassisted unassistedList(first: 5) { totalCount } }
    students { registered assisted }
    helpersPerVillage { helpers villages }
  }
}`,
    variables: { area: ZHUNGEER_ID, on: '2013-04-16' },
  },
  {
    id: 'quota-compliance',
    audience: 'analysts',
    zh: '帮扶任务完成情况',
    en: 'Quota compliance (帮扶任务)',
    query: `# 帮扶任务完成情况 — Does every cadre, agency and enterprise meet the report's quotas (e.g. 旗直机关至少包扶1个嘎查村、3户贫困户)?
query Quotas($on: Date!) {
  quotaRules { id name requirements { key description minimum } citation { quote } }
  quotaCompliance(activeOn: $on, first: 10) {
    totalCount
    summary { rule { id } subjects violating }
    edges { node { rule { id } helper { name } shortfalls { requirement { key } actual missing } } }
  }
}`,
    variables: { on: '2013-04-16' },
  },
  {
    id: 'indicators',
    audience: 'analysts',
    zh: '报道数字核对',
    en: 'Reported figures checked against the graph',
    query: `# 报道数字核对 — Does the graph reproduce every figure the report gives (6 / 649 / 2015 对子, 38 名学生 …)?
query Indicators {
  indicators {
    key
    indicatorName
    reported
    computed
    comparator
    status
    citations { quote }
  }
}`,
  },
  {
    id: 'ego-network-kinds',
    audience: 'frontend',
    zh: '个体网络（按帮扶类型着色）',
    en: 'An ego network, edges styled by kind',
    query: `# 个体网络 — Which pairings surround 刘显亮, and of which kind (SPONSOR edges have no level or category)?
query Ego($id: ID!, $on: Date) {
  egoNetwork(id: $id, hops: 1, activeOn: $on) {
    truncated
    nodes { id name kind root depth }
    edges { id source target kind level category validFrom validTo }
  }
}`,
    variables: { id: LIU_ID, on: null },
  },
  {
    id: 'timeline-chart',
    audience: 'frontend',
    zh: '时间线（按类型分组，画图用）',
    en: 'A timeline by kind, ready for a chart',
    query: `# 时间线 — How many pairings of each kind were active, started and ended in 准格尔旗 each year?
query Timeline($area: ID!) {
  timeline(areaId: $area, from: "2010-01-01", to: "2014-12-31", interval: YEAR, groupBy: KIND) {
    from
    to
    periods { start end kind active started ended beneficiaries }
  }
}`,
    variables: { area: ZHUNGEER_ID },
  },
  {
    id: 'exemplars',
    audience: 'researchers',
    zh: '先进典型及其网络',
    en: 'Exemplars and their networks',
    query: `# 先进典型 — Who are the exemplars (刘显亮 and the featured organizations and persons), and how large are their networks?
query Exemplars {
  exemplars(first: 20) {
    totalCount
    edges {
      node {
        entity { id name }
        reasons
        recognitions
        pairings { totalCount }
        network(depth: 1) { nodes { id } edges { kind } }
      }
    }
  }
}`,
  },
  {
    id: 'exemplar-timeline',
    audience: 'researchers',
    zh: '刘显亮二十二年助学时间线',
    en: "刘显亮's 22 years of sponsorship, year by year",
    query: `# 刘显亮助学时间线 — How did 刘显亮's sponsorship of 38 students grow over 22 years?
query ExemplarTimeline($helper: ID!) {
  timeline(helperId: $helper, from: "1991-01-01", to: "2013-12-31", interval: YEAR) {
    helper { name }
    periods { start active started ended }
  }
}`,
    variables: { helper: LIU_ID },
  },
  {
    id: 'paths-citations',
    audience: 'researchers',
    zh: '关系路径及其引文',
    en: 'How two entities are related, with citations',
    query: `# 关系路径 — How is 新华社内蒙古分社 related to a household of 城壕村, and which quotes support each step?
query Paths($from: ID!, $to: ID!) {
  paths(fromId: $from, toId: $to, maxHops: 6, first: 3) {
    length
    nodes { id kind name }
    relationships { type start end pairing { key kind programme { name } } citations { quote } }
  }
}`,
    variables: { from: XINHUA_ID, to: HOUSEHOLD_ID },
  },
  {
    id: 'centrality',
    audience: 'researchers',
    zh: '网络中心性',
    en: 'Network centrality',
    query: `# 网络中心性 — Which helpers and beneficiaries are most central in 准格尔旗's pairing network?
query Centrality($area: ID!, $on: Date!) {
  centrality(areaId: $area, activeOn: $on, measure: DEGREE, top: 5) {
    nodeCount
    edgeCount
    scores { rank score node { name } }
  }
}`,
    variables: { area: ZHUNGEER_ID, on: '2013-04-16' },
  },
  {
    id: 'communities',
    audience: 'researchers',
    zh: '帮扶社群（Louvain）',
    en: 'Communities of the pairing network (Louvain)',
    query: `# 帮扶社群 — Which groups of helpers and beneficiaries form tightly knit communities in 准格尔旗?
query Communities($area: ID!, $on: Date!) {
  communities(areaId: $area, activeOn: $on) {
    nodeCount
    edgeCount
    count
    communities(first: 5) { index size helpers beneficiaries members(first: 3) { name } }
  }
}`,
    variables: { area: ZHUNGEER_ID, on: '2013-04-16' },
  },
];
