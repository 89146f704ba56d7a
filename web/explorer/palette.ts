/**
 * Colours, shapes and labels of the explorer: one table per vocabulary of the API (五级 levels,
 * 四类 categories, entity kinds, provenance). The graph style and the legend both read them, so
 * what the legend says is what the graph draws.
 */

export interface Swatch {
  /** The API's enum value. */
  value: string;
  zh: string;
  en: string;
  colour: string;
}

/** 五级 (Level), top to bottom. */
export const LEVELS: readonly Swatch[] = [
  { value: 'REGION', zh: '自治区级', en: 'Region', colour: '#c62828' },
  { value: 'CITY', zh: '市级', en: 'City', colour: '#ef6c00' },
  { value: 'BANNER', zh: '旗级', en: 'Banner', colour: '#2e7d32' },
  { value: 'TOWNSHIP', zh: '苏木乡镇级', en: 'Township', colour: '#1565c0' },
  { value: 'VILLAGE', zh: '嘎查村级', en: 'Village', colour: '#6a1b9a' },
];

/** 四类 (Category). */
export const CATEGORIES: readonly Swatch[] = [
  { value: 'AGENCY', zh: '机关单位', en: 'Agency', colour: '#6d4c41' },
  { value: 'LEADING_CADRE', zh: '党员领导干部', en: 'Leading cadre', colour: '#d81b60' },
  { value: 'ENTERPRISE', zh: '民营企业', en: 'Enterprise', colour: '#00838f' },
  { value: 'SECONDED_CADRE', zh: '下挂干部', en: 'Seconded cadre', colour: '#9e9d24' },
];

/** Fill of a node that has no level or category (e.g. a village being assisted). */
export const NEUTRAL = '#b0bec5';

/** Node shape per entity kind (GraphNode.kind). */
export const KINDS: readonly { value: string; zh: string; en: string; shape: string }[] = [
  { value: 'AdminUnit', zh: '行政区划', en: 'Administrative unit', shape: 'hexagon' },
  { value: 'Organization', zh: '组织', en: 'Organization', shape: 'round-rectangle' },
  { value: 'Person', zh: '人员', en: 'Person', shape: 'ellipse' },
  { value: 'Enterprise', zh: '民营企业', en: 'Enterprise', shape: 'diamond' },
  { value: 'Household', zh: '贫困户', en: 'Household', shape: 'round-triangle' },
  { value: 'Student', zh: '贫困大学生', en: 'Student', shape: 'star' },
];

export const PROVENANCE: Readonly<Record<string, { zh: string; en: string }>> = {
  REPORTED: { zh: '报道', en: 'REPORTED' },
  DERIVED: { zh: '推导', en: 'DERIVED' },
  SYNTHETIC: { zh: '合成', en: 'SYNTHETIC' },
};

/**
 * Pairings outside the 五级四类 network (they have no level or category): drawn dotted in their
 * kind's own colour, whatever the colour scheme, and shown or hidden together.
 */
export const OUT_OF_NETWORK: readonly Swatch[] = [
  { value: 'SPONSOR', zh: '助学', en: 'Sponsorship', colour: '#00897b' },
  { value: 'LIAISON', zh: '联系', en: 'Liaison', colour: '#8d6e63' },
];

/** The kinds of the 五级四类 network (what the view keeps when out-of-network kinds are hidden). */
export const NETWORK_KINDS: readonly string[] = ['ASSIST', 'STATIONED'];

export const PAIRING_KINDS: Readonly<Record<string, string>> = {
  ASSIST: '帮扶 assist',
  LIAISON: '联系 liaison',
  STATIONED: '驻村 stationed',
  SPONSOR: '助学 sponsor',
};

export const UNIT_KINDS: Readonly<Record<string, string>> = {
  REGION: '自治区',
  CITY: '市',
  BANNER: '旗',
  TOWNSHIP: '苏木乡镇',
  STREET: '街道',
  GACHA_VILLAGE: '嘎查村',
  COMMUNITY: '社区',
};

/** Whether nodes and edges are coloured by level (五级) or by category (四类). */
export type ColourBy = 'level' | 'category';

export function swatchesFor(by: ColourBy): readonly Swatch[] {
  return by === 'level' ? LEVELS : CATEGORIES;
}

/** `<zh> <en>` of an enum value, or the value itself when the table does not know it. */
export function labelOf(table: readonly Swatch[], value: string | null | undefined): string {
  const s = table.find((x) => x.value === value);
  return s ? `${s.zh} ${s.en}` : (value ?? '—');
}
