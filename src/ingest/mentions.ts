import type { Segmenter, Token } from './segmenter';
import type { Mention, MentionType } from './mention';
import { beneficiariesIn } from './named-beneficiaries';
import { postNear } from './post-near';

/** Admin suffixes, longest first, with the unit kind each implies. */
const ADMIN_SUFFIXES: readonly [string, string][] = [
  ['自治区', 'REGION'],
  ['苏木', 'TOWNSHIP'],
  ['街道', 'STREET'],
  ['嘎查', 'GACHA_VILLAGE'],
  ['社区', 'COMMUNITY'],
  ['盟', 'CITY'],
  ['市', 'CITY'],
  ['旗', 'BANNER'],
  ['县', 'BANNER'],
  ['区', 'BANNER'],
  ['乡', 'TOWNSHIP'],
  ['镇', 'TOWNSHIP'],
  ['村', 'GACHA_VILLAGE'],
];
const ORG_SUFFIXES = [
  '委员会',
  '办公室',
  '合作社',
  '组织部',
  '宣传部',
  '分社',
  '银行',
  '公司',
  '集团',
  '中心',
  '学校',
  '医院',
  '协会',
  '商会',
  '党委',
  '政府',
  '支部',
  '机关',
  '单位',
  '矿',
  '局',
  '厅',
  '办',
  '委',
  '部',
  '院',
  '所',
  '站',
  '社',
];
const ENTERPRISE_SUFFIXES = /(?:公司|集团|矿|合作社|厂|银行)$/;

/** Words that end a name when walking back from its suffix: verbs, prepositions, conjunctions. */
const BREAK_WORDS = new Set(
  '与 和 及 同 到 在 对 向 从 把 被 为 由 给 的 了 有 是 将 并 或 等 由 以 就 把 使 让 帮扶 包联 包扶 结成 结对 选派 派驻 担任 任 驻 驻村 进驻 定点 对口 帮助 支持 组织 开展 其中 全 各 该 本 我 每 共 深入 来到 走进 前往 联系 协调 投入 捐赠 捐助 资助 落实 实施 推进 邀请 参加 召开 通过 围绕 按照 依托 关于 其他 有关 相关 所属 下属 辖区 全旗 全市 全县 全区 自身 不仅 同时 还 也'.split(
    ' ',
  ),
);
/** Words that end like a name but are not one (干部 ends in 部, 网站 in 站, 新农村 in 村). */
const NOT_NAMES =
  /^(?:.*干部|网站|场所|全部|内部|外部|局部|中心|新农村|农村|社会|大局|格局|结构|全村|驻村|进村|到村|下乡|城乡|本部)$/u;
const BREAK_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'm', 'q', 'r', 'd', 'f', 'x', 'w', 'eng', 'mq']);

/** Words that make a name generic (一个村, 帮扶单位): removed, nothing of at least 2 characters is left. */
const GENERIC =
  /自治区级|区直|市级|市直|旗级|旗直|县级|县直|乡级|乡镇|苏木|嘎查|各级|机关|事业|单位|部门|企业|民营|公司|党组织|基层|先进|党政|帮扶|职能|组室|领导小组|小组|办公室|后进|贫困|示范|新农村建设|平安|行政|自然|相对|优秀|社区|街道|村|乡|镇|旗|县|市|区|盟|办|局|委|部|党委|政府|支部|有关|相关|其他|两委|班子|群众|定点|结对|对口|该|本|各|全|我|此|其|上级|下级/g;

/**
 * Mentions of administrative units, organisations and people in a text (the analysis copy;
 * offsets are valid in the normalised text too). A name is found from its suffix (旗, 镇, 嘎查,
 * 局, 分社 …) by walking back over jieba's words until a verb, a preposition, a number or a
 * punctuation mark; known names (the segmenter's user dictionary) are whole words. Generic
 * phrases (帮扶单位, 嘎查村, 全旗) are not mentions.
 */
export function extractMentions(a: string, seg: Segmenter, known: ReadonlySet<string>): Mention[] {
  const found: Mention[] = [];
  for (const sentence of a
    .split(/(?<=[。！？!?；;\n])/u)
    .reduce<{ text: string; start: number }[]>((acc, s) => {
      const start = acc.length ? acc[acc.length - 1].start + acc[acc.length - 1].text.length : 0;
      acc.push({ text: s, start });
      return acc;
    }, [])) {
    const tokens = seg.tokens(sentence.text);
    const base = found.length;
    for (const m of mentionsInSentence(sentence.text, sentence.start, tokens, known))
      found.push({ ...m, parent: m.parent === null ? null : m.parent + base });
  }
  return found;
}

function mentionsInSentence(
  s: string,
  offset: number,
  tokens: Token[],
  known: ReadonlySet<string>,
): Mention[] {
  const out: Mention[] = [];
  let chainParent: number | null = null;
  let chainEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (known.has(tok.word)) {
      const m = classify(tok.word);
      if (m) {
        const chained = m.type === 'ADMIN_UNIT' && chainEnd === tok.start;
        const idx = push(out, m.type, tok.start, tok.end, m.unitKind, chained ? chainParent : null);
        if (m.type === 'ADMIN_UNIT') {
          chainParent = idx;
          chainEnd = tok.end;
        }
        continue;
      }
    }
    if (BREAK_WORDS.has(tok.word) || NOT_NAMES.test(tok.word)) continue;
    const admin = ADMIN_SUFFIXES.find(([suf]) => tok.word.endsWith(suf));
    const org = ORG_SUFFIXES.find((suf) => tok.word.endsWith(suf));
    if (!admin && !org) continue;
    // Orgs may contain admin names (自治区党委组织部); admin names stop at a previous unit (the chain parent).
    let j = i;
    const adminOnly = admin !== undefined && !org;
    while (j > 0 && joins(tokens[j - 1], adminOnly) && !(adminOnly && tokens[j - 1].end <= chainEnd)) j--;
    const start = tokens[j].start;
    const name = s.slice(start, tok.end);
    const after = tokens[i + 1]?.word ?? '';
    if (admin && !org) {
      if (ORG_SUFFIXES.some((x) => after.startsWith(x)) && !/^(?:党委|政府)/.test(after)) continue; // 旗财政局: part of an org
      if (isGeneric(name)) continue;
      const parent: number | null = chainEnd === start ? chainParent : null;
      const idx = push(out, 'ADMIN_UNIT', start, tok.end, admin[1], parent);
      chainParent = idx;
      chainEnd = tok.end;
    } else if (org) {
      if (isGeneric(name)) continue;
      push(out, ENTERPRISE_SUFFIXES.test(name) ? 'ENTERPRISE' : 'ORGANIZATION', start, tok.end, null);
    }
  }
  // A person needs a name-like word and a post or a form of address beside it (jieba's nr tag alone is noisy).
  for (const t of tokens) {
    if (t.tag === 'nr' && t.word.length >= 2 && t.word.length <= 3 && postNear(s, t) !== null)
      push(out, 'PERSON', t.start, t.end, null);
  }
  for (const m of s.matchAll(/([\u4e00-\u9fa5]{2,3})(?=老人|同志)/gu)) {
    const first = tokens.find((t) => t.start <= m.index && m.index < t.end);
    if (first && first.start === m.index) push(out, 'PERSON', m.index, m.index + m[1].length, null);
  }
  for (const b of beneficiariesIn(s, tokens)) push(out, b.type, b.start, b.end, null);
  return dedupe(out).map((m) => ({
    ...m,
    span: { start: m.span.start + offset, end: m.span.end + offset },
    post: m.type === 'PERSON' ? postNear(s, m.span) : null,
  }));

  function push(
    list: Mention[],
    type: MentionType,
    start: number,
    end: number,
    unitKind: string | null,
    parent: number | null = null,
  ) {
    list.push({
      type,
      text: s.slice(start, end),
      name: s.slice(start, end),
      span: { start, end },
      unitKind,
      parent,
      post: null,
    });
    return list.length - 1;
  }
}

/** Whether a word before a suffix still belongs to the name. */
function joins(t: Token, adminOnly: boolean): boolean {
  if (!/^[\u4e00-\u9fa5]+$/.test(t.word) || BREAK_WORDS.has(t.word) || BREAK_TAGS.has(t.tag)) return false;
  if (t.word.length >= 2 && (t.tag === 'v' || t.tag === 'vn') && !/[旗县镇乡村区市社办局]$/.test(t.word))
    return false;
  if (adminOnly && ADMIN_SUFFIXES.some(([suf]) => t.word.endsWith(suf) && t.word.length > suf.length))
    return false;
  return true;
}

function isGeneric(name: string): boolean {
  return name.replace(GENERIC, '').length < 2 || /^(?:全|该|各|本|我|每|此|其|这|那)/.test(name);
}

/** The type of a known name by its suffix. */
function classify(name: string): { type: MentionType; unitKind: string | null } | null {
  const org = ORG_SUFFIXES.find((suf) => name.endsWith(suf));
  if (org) return { type: ENTERPRISE_SUFFIXES.test(name) ? 'ENTERPRISE' : 'ORGANIZATION', unitKind: null };
  const admin = ADMIN_SUFFIXES.find(([suf]) => name.endsWith(suf));
  if (admin) return { type: 'ADMIN_UNIT', unitKind: admin[1] };
  return null;
}

/** Overlapping mentions: the longest wins (自治区党委组织部 over 自治区党委); parents are re-pointed. */
function dedupe(list: Mention[]): Mention[] {
  const keep = list.filter(
    (m, i) =>
      !list.some(
        (o, k) =>
          k !== i &&
          o.span.start <= m.span.start &&
          m.span.end <= o.span.end &&
          (o.span.end - o.span.start > m.span.end - m.span.start ||
            (k < i && o.span.end - o.span.start === m.span.end - m.span.start)),
      ),
  );
  return keep.map((m) => ({
    ...m,
    parent: m.parent === null ? null : keep.indexOf(list[m.parent]) < 0 ? null : keep.indexOf(list[m.parent]),
  }));
}
