// Links into the Temporal UI, where the processes themselves are looked at.
import type { Console } from '../context';

export function workflowUiUrl(c: Console, workflowId: string, runId?: string): string {
  const { uiUrl, namespace } = c.deps.config.temporal;
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}${runId ? `/${encodeURIComponent(runId)}` : ''}`;
}

export function workflowsQueryUrl(c: Console, query: string): string {
  const { uiUrl, namespace } = c.deps.config.temporal;
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${encodeURIComponent(query)}`;
}
