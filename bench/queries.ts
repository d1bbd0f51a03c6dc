// Visibility queries the benchmarks use.

/** Every run, of any workflow, that carries this opportunity id. */
export function searchAttributeQuery(opportunityId: string): string {
  return `LeverOpportunityId = "${opportunityId}"`;
}
