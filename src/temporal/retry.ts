// How activities retry. Retries never give up: a partner or Lever down for hours delays a process, it does
// not lose it. Non-retryable failures (4xx) come back typed, see http/failure-types.
import type { RetryPolicy } from '@temporalio/common';

/** 1 s, doubling, at most 5 minutes apart, forever. */
export const PATIENT_RETRY: RetryPolicy = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '5m' };
