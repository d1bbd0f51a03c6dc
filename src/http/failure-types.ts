/** Failure types a workflow may branch on; plain constants so workflow code can import them. */
export const HTTP_FAILURE = {
  notFound: 'HttpNotFound',
  badRequest: 'HttpBadRequest',
  unauthorized: 'HttpUnauthorized',
  clientError: 'HttpClientError',
  rateLimited: 'HttpRateLimited',
  unavailable: 'HttpUnavailable',
  serverError: 'HttpServerError',
  network: 'HttpNetworkError',
} as const;
