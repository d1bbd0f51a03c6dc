// Links into the Temporal UI, where the processes themselves are looked at.
import type { ConsoleContext } from '../context';

export function workflowUiUrl(c: ConsoleContext, workflowId: string, runId?: string): string {
  const { uiUrl, namespace } = c.deps.config.temporal;
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}${runId ? `/${encodeURIComponent(runId)}` : ''}`;
}

export function workflowsQueryUrl(c: ConsoleContext, query: string): string {
  const { uiUrl, namespace } = c.deps.config.temporal;
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${encodeURIComponent(query)}`;
}
