import { h } from './dom';
import { CATEGORIES, KINDS, labelOf, LEVELS, PAIRING_KINDS, PROVENANCE, UNIT_KINDS } from './palette';
import type { Citation, EntityDetails, PairingDetails, PairingList } from './queries';

/** What a click in the panel asks for: show (and expand) another entity of the graph. */
export type Navigate = (id: string) => void;

const kindLabel = (t: string) => {
  const k = KINDS.find((x) => x.value === t);
  return k ? `${k.zh} ${k.en}` : t;
};

function badge(provenance: string | undefined) {
  const p = PROVENANCE[provenance ?? ''];
  if (!p) return null;
  return h('span', { class: `badge prov-${provenance?.toLowerCase()}` }, `${p.zh} ${p.en}`);
}

function facts(rows: [string, Node | string | null | undefined][]) {
  const dl = h('dl', { class: 'facts' });
  for (const [k, v] of rows) if (v) dl.append(h('dt', {}, k), h('dd', {}, v));
  return dl;
}

function link(ref: { id: string; name: string } | null | undefined, go: Navigate) {
  if (!ref) return null;
  const a = h('a', { href: '#', 'data-id': ref.id }, ref.name);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    go(ref.id);
  });
  return a;
}

function period(from: string, to: string | null) {
  return `${from} — ${to ?? '今 now'}`;
}

function citations(list: Citation[] | undefined) {
  const section = h('section', { class: 'citations' }, h('h3', {}, `引文 Citations (${list?.length ?? 0})`));
  if (!list?.length) {
    section.append(h('p', { class: 'muted' }, '无引文（合成或推导的事实不引用报道）· No citations'));
    return section;
  }
  for (const c of list) {
    const src = [c.source.title, c.source.publisher, c.source.published].filter(Boolean).join(' · ');
    section.append(h('blockquote', {}, h('p', {}, c.quote), h('footer', {}, `— ${src}`)));
  }
  return section;
}

function pairingTable(title: string, list: PairingList | undefined, otherLabel: string, go: Navigate) {
  const section = h('section', { class: 'pairings' }, h('h3', {}, `${title} (${list?.totalCount ?? 0})`));
  if (!list?.edges.length) return section;
  const rows = list.edges.map(({ node: p }) =>
    h(
      'tr',
      { class: p.provenance === 'SYNTHETIC' ? 'synthetic' : undefined },
      h('td', {}, link(p.other, go)),
      h('td', {}, labelOf(LEVELS, p.level).split(' ')[0]),
      h('td', {}, labelOf(CATEGORIES, p.category).split(' ')[0]),
      h('td', {}, (PAIRING_KINDS[p.kind] ?? p.kind).split(' ')[0]),
      h('td', { class: 'programme' }, p.programme?.name ?? '—'),
      h('td', {}, period(p.validFrom, p.validTo)),
    ),
  );
  section.append(
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[otherLabel, '层级', '类别', '类型', '活动 Programme', '有效期'].map((t) => h('th', {}, t)),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
  if (list.totalCount > list.edges.length)
    section.append(
      h('p', { class: 'muted' }, `仅显示前 ${list.edges.length} 个 · first ${list.edges.length} shown`),
    );
  return section;
}

/** The focused entity: what it is, its pairings (obeying the view's filter) and its citations. */
export function entityPanel(e: EntityDetails, go: Navigate): HTMLElement {
  return h(
    'article',
    { class: 'entity', 'data-id': e.id },
    h('h2', { id: 'panel-title' }, e.name ?? e.id, ' ', badge(e.provenance)),
    facts([
      ['类型 Type', kindLabel(e.__typename)],
      ['键 Key', e.key],
      ['别名 Aliases', e.aliases?.join('、')],
      ['区划 Unit kind', e.unitKind ? `${UNIT_KINDS[e.unitKind] ?? e.unitKind} ${e.unitKind}` : null],
      ['上级 Parent', link(e.parent, go)],
      ['层级 Level', e.level ? labelOf(LEVELS, e.level) : null],
      ['组织类型 Org type', e.orgType],
      ['职级 Rank', e.rank],
      ['角色 Roles', e.roles?.join(', ')],
      ['所在单位 Member of', link(e.memberOf, go)],
      ['所在区划 Unit', link(e.unit, go)],
      ['标识 Designations', e.designations?.join(', ')],
    ]),
    e.pairings ? pairingTable('帮扶对子 Pairings as helper', e.pairings, '帮扶对象', go) : null,
    e.assistedBy ? pairingTable('帮扶主体 Assisted by', e.assistedBy, '帮扶主体', go) : null,
    citations(e.citations),
  );
}

/** One pairing (an edge): both ends, its attributes, projects and citations. */
export function pairingPanel(p: PairingDetails, go: Navigate): HTMLElement {
  const projects = h('section', {}, h('h3', {}, `帮扶项目 Projects (${p.projects.totalCount})`));
  if (p.projects.edges.length)
    projects.append(
      h(
        'ul',
        {},
        p.projects.edges.map(({ node }) =>
          h(
            'li',
            {},
            node.name,
            node.amountYuan !== null ? ` · ${node.amountYuan.toLocaleString('zh-CN')} 元` : '',
          ),
        ),
      ),
    );
  return h(
    'article',
    { class: 'pairing', 'data-id': p.id },
    h('h2', { id: 'panel-title' }, '帮扶对子 Pairing ', badge(p.provenance)),
    facts([
      ['帮扶主体 Helper', link(p.helper, go)],
      ['帮扶对象 Beneficiary', link(p.beneficiary, go)],
      ['层级 Level', labelOf(LEVELS, p.level)],
      ['类别 Category', labelOf(CATEGORIES, p.category)],
      ['类型 Kind', PAIRING_KINDS[p.kind] ?? p.kind],
      ['方式 Mode', p.mode],
      ['有效期 Valid', period(p.validFrom, p.validTo)],
      ['活动 Programme', p.programme?.name],
      ['键 Key', p.key],
    ]),
    projects,
    citations(p.citations),
  );
}

export function messagePanel(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return h('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : undefined }, text);
}
