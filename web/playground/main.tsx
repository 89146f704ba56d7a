/**
 * The self-hosted GraphiQL playground (GET /playground). Everything it loads is bundled at build
 * time: it talks only to the service's own /graphql, so it works on air-gapped networks.
 */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import { EXAMPLES } from './examples';
import { examplesPlugin } from './examples-plugin';
import './playground.css';

// Relative to /playground/, so the page also works when the service sits behind a path prefix.
// Subscriptions go over graphql-ws on the same URL; the Headers editor's JSON (e.g.
// { "Authorization": "Bearer …" }) becomes the connection_init payload, as the service expects.
const url = new URL('../graphql', window.location.href).href;
const fetcher = createGraphiQLFetcher({ url, subscriptionUrl: url.replace(/^http/, 'ws') });

const root = document.getElementById('graphiql');
if (!root) throw new Error('playground: #graphiql is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      plugins={[examplesPlugin]}
      defaultQuery={EXAMPLES[0].query}
      shouldPersistHeaders={false}
      isHeadersEditorEnabled
    >
      <GraphiQL.Logo>帮扶图谱 GraphQL</GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
openExamplesPane();

/**
 * Opens the examples pane once the sidebar exists. GraphiQL 4's `visiblePlugin` prop marks the
 * plugin visible without un-hiding its pane on first render, so we press the sidebar button
 * (its label is GraphiQL's "Show <title>") as a user would.
 */
function openExamplesPane(tries = 100) {
  const button = document.querySelector<HTMLButtonElement>(
    `.graphiql-sidebar button[aria-label="Show ${examplesPlugin.title}"]`,
  );
  if (button) button.click();
  else if (tries > 0) setTimeout(() => openExamplesPane(tries - 1), 50);
}
