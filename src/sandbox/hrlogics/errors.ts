// HRLogics answers errors in the common partner format (spec/partners.md).
export {
  partnerErrors as hrlogicsErrors,
  partnerUnauthorized as hrlogicsUnauthorized,
  idempotencyKeyReused,
} from '../partner-errors';
