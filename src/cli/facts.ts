import { parseArgs } from 'node:util';
import { qualifierLabels, displayOf } from '../core/query/figures.ts';
import { METRIC_BY_ID } from '../core/facts/metrics.ts';
import { periodLabel } from '../core/periods.ts';
import { tablePlaceAt } from '../core/facts/tables/find-tables.ts';
import { loadBaseConfig, loadDotEnv } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openEngine } from '../open-engine.ts';

/**
 * `npm run facts -- [document ...] [--json]`: every figure the bot extracted, with its
 * quote, so a person can review what the bot will say.
 */
function main(): void {
  const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  loadDotEnv();
  const { config } = loadBaseConfig();
  const engine = openEngine(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
  const snapshot = engine.snapshot;
  const wanted = positionals.length ? snapshot.documents.filter((d) => positionals.some((p) => d.id === p || d.file === p || d.id.includes(p))) : snapshot.documents;
  if (positionals.length && wanted.length === 0) {
    process.stderr.write(`No document matches ${positionals.join(', ')}. Documents: ${snapshot.documents.map((d) => d.id).join(', ')}\n`);
    process.exitCode = 1;
    return;
  }
  for (const doc of wanted) {
    const facts = snapshot.facts.ofDocument(doc.id);
    if (values.json) {
      for (const f of facts) process.stdout.write(`${JSON.stringify({ ...f, period: periodLabel(f.period), quote: doc.text.slice(f.start, f.end) })}\n`);
      continue;
    }
    process.stdout.write(`\n== ${doc.title} [${doc.id}] — ${facts.length} figures\n`);
    let lastQuote = -1;
    let lastTable = '';
    for (const f of facts) {
      const company = snapshot.registry.get(f.company)?.name ?? f.company;
      const metric = METRIC_BY_ID.get(f.metric)?.label ?? f.metric;
      const quals = qualifierLabels(f);
      const change = f.change && !f.qualifiers.change ? ` change ${f.change.value}${f.change.unit} ${f.change.basis}` : '';
      if (f.start !== lastQuote) {
        // A table row is shown under its table's caption and header, as answers cite it.
        const place = f.origin === 'table' ? tablePlaceAt(doc.text, f.start) : null;
        const head = place ? `  table${place.caption ? ` "${place.caption}"` : ''}${place.note ? ` [${place.note}]` : ''}\n    ${place.header}\n` : '';
        if (place && head !== lastTable) process.stdout.write(head);
        lastTable = head;
        process.stdout.write(place ? `    ${doc.text.slice(f.start, f.end)}\n` : `  "${doc.text.slice(f.start, f.end)}"\n`);
      }
      lastQuote = f.start;
      const origin = f.origin === 'table' ? ' [from a table]' : '';
      process.stdout.write(`    -> ${company} | ${metric} | ${periodLabel(f.period)} | ${displayOf(f)}${change}${quals.length ? ` [${quals.join(', ')}]` : ''} (confidence ${f.confidence})${origin}\n`);
    }
  }
}

main();
