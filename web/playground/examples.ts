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
];
