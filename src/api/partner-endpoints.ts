// Every partner callback endpoint, `POST /webhooks/<path>`. Endpoints exist whenever their secret is
// configured, even with the integration switched off, so running processes can still finish.
import type { Config } from '../config';
import { hrlogicsCallbackRoutes } from './hrlogics-callbacks';
import type { CallbackRoutes } from './partner-ingress';
import { reftyCallbackRoutes } from './refty-callbacks';
import { willoCallbackRoutes } from './willo-callbacks';
import { techInterviewCallbackRoutes } from './tech-interview-callbacks';
import { wintroCallbackRoutes } from './wintro-callbacks';

export interface PartnerEndpoint {
  path: string;
  partner: string;
  secret: string;
  routes: CallbackRoutes;
  /** What a 404 could not find ("screening"). */
  subject: string;
}

export function partnerEndpoints(config: Config): PartnerEndpoint[] {
  const endpoints: (PartnerEndpoint | false)[] = [
    !!config.hrlogics.callbackSecret && { path: 'hrlogics', partner: 'HRLogics', secret: config.hrlogics.callbackSecret, routes: hrlogicsCallbackRoutes, subject: 'screening' },
    !!config.willo.callbackSecret && { path: 'willo', partner: 'Willo', secret: config.willo.callbackSecret, routes: willoCallbackRoutes, subject: 'participant' },
    !!config.refty.callbackSecret && { path: 'refty', partner: 'Refty', secret: config.refty.callbackSecret, routes: reftyCallbackRoutes, subject: 'request' },
    !!config.wintro.callbackSecret && { path: 'wintro', partner: 'Wintro', secret: config.wintro.callbackSecret, routes: wintroCallbackRoutes(config), subject: 'referral' },
    !!config.techInterview.callbackSecret && {
      path: 'tech-interview',
      partner: config.techInterview.platformName,
      secret: config.techInterview.callbackSecret,
      routes: techInterviewCallbackRoutes(config),
      subject: 'interview',
    },
  ];
  return endpoints.filter((e): e is PartnerEndpoint => e !== false);
}
