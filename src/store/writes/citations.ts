import { randomUUID } from 'node:crypto';
import { CITABLE_LABELS } from '../../domain/model';
import { Issues } from '../../domain/validation/issues';
import { checkText, MAX_TEXT } from '../../domain/validation/text';
import { MAX_SHORT_LIST } from '../../domain/validation/entity-rules';
import { checkWhole, WHOLE } from '../../domain/validation/whole-numbers';
import type { NodeKey } from '../../domain/node-key';
import { maskPersonal, type PersonalValues } from './personal-text';
import { checkedLabel, type WriteTx } from './write-tx';

/** Labels of facts a citation may support (declared once in domain/model). */
export { CITABLE_LABELS };

export interface AddCitation {
  fact: NodeKey;
  sourceKey: string;
  quote: string;
  charOffset: number | null;
  /** The personal values already read for a text the quote is part of (an accept's), if any. */
  personal?: PersonalValues;
}

/**
 * Cites a fact: a new Citation with the verbatim quote — the personal data of households and
 * students it reads masked, as every role reads it (maskPersonal) — `(citation)-[:FROM]->(source)`
 * and `(fact)-[:SUPPORTED_BY]->(citation)`. The audit entry is recorded against the fact.
 */
export async function addCitation(w: WriteTx, c: AddCitation): Promise<NodeKey> {
  const issues = new Issues('input');
  if (!CITABLE_LABELS.includes(c.fact.label))
    issues.add('factId', `must be the id of a fact (${CITABLE_LABELS.join(', ')}), got a ${c.fact.label}`);
  const quote = checkText(issues, 'quote', c.quote, MAX_TEXT);
  // read back as `Citation.charOffset: Int`, so bounded to Int like a graph import's (WHOLE)
  if (c.charOffset !== null) checkWhole(issues, 'charOffset', c.charOffset, WHOLE.charOffset);
  issues.throwIfAny();
  // under the fact's write lock: two citations added at once are counted one after the other
  await w.mustLock(c.fact, 'input.factId');
  const [{ cited }] = await w.run(
    'cite.count',
    `MATCH (f:${checkedLabel(c.fact.label)} {id: $fact}) RETURN COUNT { (f)-[:SUPPORTED_BY]->(:Citation) } AS cited`,
    { fact: c.fact.id },
  );
  if (Number(cited) >= MAX_SHORT_LIST)
    issues.add('factId', `the fact already has ${MAX_SHORT_LIST} citations, the most one fact takes`);
  issues.throwIfAny();
  await w.mustFind({ label: 'Source', id: c.sourceKey }, 'input.sourceId');
  // read by every role: the personal data of the graph's households and students it reads is masked
  const shown = c.personal ? c.personal.mask(quote) : await maskPersonal(w.run, quote);
  const id = `cit:${randomUUID()}`;
  await w.run(
    'cite.create',
    `MATCH (f:${checkedLabel(c.fact.label)} {id: $fact}) MATCH (s:Source {id: $source}) ` +
      'CREATE (f)-[:SUPPORTED_BY]->(c:Citation {id: $id, quote: $quote, charOffset: $charOffset, ' +
      "provenance: 'REPORTED', version: 1, createdAt: datetime()})-[:FROM]->(s)",
    { id, fact: c.fact.id, source: c.sourceKey, quote: shown, charOffset: c.charOffset },
  );
  await w.audit(c.fact, null, { citationKey: id, sourceKey: c.sourceKey, quote: shown });
  return { label: 'Citation', id };
}
