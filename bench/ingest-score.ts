/**
 * Scores `proposeReport` on the curated seed article: figure recall and precision against the
 * REPORTED observations of seeds/report.json (value, unit, inside the quote), recall of its named
 * units and organisations, the 6 + 649 + 2015 pairing counts, and whether every quote is verbatim.
 * Run: npx tsx bench/ingest-score.ts [--json]
 */
import { goldOfSeedReport, proposeSeedReport } from '../test/support/ingest-gold';
import { scoreProposal } from '../src/ingest/score-proposal';

const t0 = performance.now();
const { proposal } = proposeSeedReport();
const ms = performance.now() - t0;
const gold = goldOfSeedReport(proposal.text);
const score = scoreProposal(proposal, gold.figures, gold.entities);
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ ms, ...score }, null, 2)}\n`);
else {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const f = score.figures;
  process.stdout.write(
    `figures: recall ${pct(f.recall)} (${f.found}/${f.gold}), precision ${pct(f.precision)} (${f.correct}/${f.proposed})\n` +
      `  missed: ${f.missed.join('; ') || '—'}\n  not in the gold: ${f.wrong.join('; ') || '—'}\n` +
      `named units and organisations: recall ${pct(score.entities.recall)} (${score.entities.found}/${score.entities.gold}); missed ${score.entities.missed.join(', ') || '—'}\n` +
      `pairing counts as observations: ${score.pairingCounts.found}/${score.pairingCounts.gold}\n` +
      `every quote verbatim: ${score.quotesVerbatim}\n` +
      `proposal built in ${ms.toFixed(0)} ms (cold: includes loading jieba's dictionary)\n`,
  );
}
