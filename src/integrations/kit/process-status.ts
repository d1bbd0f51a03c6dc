// The status of a process, kept in two places at once: its state (queries, results) and the
// `RelayStatus` search attribute operators filter on.
import { upsertSearchAttributes } from '@temporalio/workflow';
import { SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';

/** Sets the status and returns a copy of the state, ready to be the workflow's result. */
export function recordStatus<S extends { status: string }>(state: S, status: S['status']): S {
  state.status = status;
  upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.status, value: status }]);
  return { ...state };
}
