// The anonymous technical-interview platform: a finished interview becomes a Lever opportunity (advance,
// or anonymously when unsuccessful candidates are exported); later stage changes and hires of those
// opportunities are reported back, decided from the snapshot every integration shares.
import type { IntegrationDefinition } from '../kit/definition';
import { techInterviewExport } from './export-workflow';
import type { TechInterviewSettings } from './messages';
import { decideReportBack, reportStatus, type StatusReport } from './report-back';

export const techInterview = {
  name: 'tech-interview',
  title: 'Technical interviews',
  workflows: { techInterviewExport },
  opportunity: { decide: decideReportBack, perform: reportStatus },
  // Node only: the workflow bundle leaves server.ts out (src/temporal/bundle.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  server: () => (require('./server') as typeof import('./server')).techInterviewServer,
} satisfies IntegrationDefinition<TechInterviewSettings, StatusReport>;
