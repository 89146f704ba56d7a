import type { Mention } from './mention';
import type { KnownEntity } from './proposal';

export interface Link {
  key: string;
  evidence: string;
}

const LABEL_OF = {
  ADMIN_UNIT: 'AdminUnit',
  ORGANIZATION: 'Organization',
  ENTERPRISE: 'Enterprise',
  PERSON: 'Person',
  HOUSEHOLD: 'Household',
  STUDENT: 'Student',
} as const;

/** Admin suffixes removed to compare stems (乌兰敖包嘎查 ~ 乌兰敖包村 under the same parent). */
const stem = (n: string) => n.replace(/(?:自治区|苏木|街道|嘎查村|嘎查|社区|[盟市旗县区乡镇村])$/u, '');

/**
 * Links each mention to a graph entity: by name or alias (exact, simplified script); among several
 * of the same name, the one under the mention's chain parent; for an admin unit whose chain parent
 * is linked, a child of that parent with the same stem. Returns null for a mention to propose as new.
 */
export function linkMentions(mentions: readonly Mention[], known: readonly KnownEntity[]): (Link | null)[] {
  const byName = new Map<string, KnownEntity[]>();
  for (const e of known)
    for (const n of [e.name, ...e.aliases]) {
      const list = byName.get(n) ?? [];
      list.push(e);
      byName.set(n, list);
    }
  const links: (Link | null)[] = [];
  mentions.forEach((m) => {
    const parentLink = m.parent === null ? null : (links[m.parent] ?? null);
    const label = LABEL_OF[m.type];
    // Organisations and enterprises are one kind of helper to a reader; either label may hold the name.
    const fits = (e: KnownEntity) =>
      e.label === label ||
      ((m.type === 'ORGANIZATION' || m.type === 'ENTERPRISE') &&
        (e.label === 'Organization' || e.label === 'Enterprise'));
    const same = (byName.get(m.name) ?? []).filter(fits);
    if (same.length) {
      const under = parentLink ? same.filter((e) => e.parentId === parentLink.key) : [];
      const pick = under[0] ?? same[0];
      const how = pick.name === m.name ? 'name' : 'alias';
      const note =
        under.length > 0
          ? ` under ${parentLink?.key}`
          : same.length > 1
            ? ` (one of ${same.length} of that name: ${same.map((e) => e.id).join(', ')})`
            : '';
      links.push({ key: pick.id, evidence: `${how} “${m.name}” = ${pick.id}${note}` });
      return;
    }
    if (m.type === 'ADMIN_UNIT' && parentLink) {
      const child = known.find(
        (e) => e.label === 'AdminUnit' && e.parentId === parentLink.key && stem(e.name) === stem(m.name),
      );
      if (child) {
        links.push({
          key: child.id,
          evidence: `admin tree: “${m.name}” under ${parentLink.key} = ${child.id}`,
        });
        return;
      }
    }
    links.push(null);
  });
  return links;
}
