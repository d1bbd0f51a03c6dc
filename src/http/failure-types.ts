/** Failure types a workflow may branch on; plain constants so workflow code can import them. */
export const HTTP_FAILURE = {
  notFound: 'HttpNotFound',
  badRequest: 'HttpBadRequest',
  /** 401: the credentials are wrong. */
  unauthorized: 'HttpUnauthorized',
  /** 403: the credentials are right, but this may not be done (by this key, or as this `perform_as` user). */
  forbidden: 'HttpForbidden',
  clientError: 'HttpClientError',
  rateLimited: 'HttpRateLimited',
  unavailable: 'HttpUnavailable',
  serverError: 'HttpServerError',
  network: 'HttpNetworkError',
} as const;
