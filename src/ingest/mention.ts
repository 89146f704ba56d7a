import type { Span } from './spans';

/** What a mention names. ADMIN_UNIT kinds follow the graph's UnitKind. */
export type MentionType = 'ADMIN_UNIT' | 'ORGANIZATION' | 'ENTERPRISE' | 'PERSON' | 'HOUSEHOLD' | 'STUDENT';

export interface Mention {
  type: MentionType;
  /** As written in the normalised text. */
  text: string;
  /** The same name in simplified script (what linking compares). */
  name: string;
  span: Span;
  /** AdminUnit kind (REGION, CITY, BANNER, TOWNSHIP, STREET, GACHA_VILLAGE, COMMUNITY), else null. */
  unitKind: string | null;
  /** For an admin unit written after its parent in one chain (旗 → 镇 → 嘎查): the parent mention's index. */
  parent: number | null;
  /** For a person: the post the sentence gives (第一书记, 驻村工作队队长 …), else null. */
  post: string | null;
}
