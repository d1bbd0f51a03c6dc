// Search attributes: what operators filter on in the Temporal UI. They are not encrypted by the payload
// codec, so they hold opaque ids and enums only, never names, emails or survey answers.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const SEARCH_ATTRIBUTES = {
  opportunityId: defineSearchAttributeKey('LeverOpportunityId', SearchAttributeType.KEYWORD),
  /** `opportunity` for the opportunity process, else the integration's name (`hrlogics`, `willo`...). */
  integration: defineSearchAttributeKey('RelayIntegration', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('RelayStatus', SearchAttributeType.KEYWORD),
  /**
   * On `willo/<opportunityId>`: the opaque key of the participant it invited. Willo's callbacks name only
   * the participant, so this is how one finds its process.
   */
  willoParticipant: defineSearchAttributeKey('WilloParticipant', SearchAttributeType.KEYWORD),
} as const;

/** `Name=Type` pairs for `temporal server start-dev --search-attribute` and cluster set-up. */
export const SEARCH_ATTRIBUTE_FLAGS: string[] = Object.values(SEARCH_ATTRIBUTES).map((key) => `${key.name}=Keyword`);

/** The RelayIntegration value of the opportunity process itself. */
export const OPPORTUNITY_PROCESS = 'opportunity';
