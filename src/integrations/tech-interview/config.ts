// The technical-interview platform's section of the configuration: `TECH_INTERVIEW_*`.
import { z } from 'zod';
import { bool, email, type EnvReader } from '../../config/env';
import { partnerConnection, sandboxDefault, type PartnerConnection, type SectionContext } from '../../config/partner';
import { SANDBOX_PERFORM_AS_EMAIL, sandboxCallbackSecret } from '../../config/sandbox-defaults';
import type { TechInterviewSettings } from './messages';

export interface TechInterviewConfig extends PartnerConnection, TechInterviewSettings {}

export function readTechInterviewConfig(r: EnvReader, ctx: SectionContext): TechInterviewConfig {
  const connection = partnerConnection(r, ctx, {
    prefix: 'TECH_INTERVIEW',
    path: 'tech-interview',
    sandboxSecret: sandboxCallbackSecret('tech-interview'),
  });
  return {
    ...connection,
    platformName: r.get(
      'TECH_INTERVIEW_PLATFORM_NAME',
      z
        .string()
        .trim()
        .min(1)
        .max(40)
        .regex(/^[^:]+$/, 'must not contain ":"'),
      'TechScreen',
    ),
    performAsEmail:
      r.get('TECH_INTERVIEW_PERFORM_AS_EMAIL', email, sandboxDefault(ctx, SANDBOX_PERFORM_AS_EMAIL), connection.enabled) ?? '',
    defaultStage: r.get('TECH_INTERVIEW_DEFAULT_STAGE', z.string().trim().min(1), 'New Applicant'),
    exportUnsuccessful: r.get('TECH_INTERVIEW_EXPORT_UNSUCCESSFUL', bool, false),
  };
}

export function techInterviewSettings(section: TechInterviewConfig): TechInterviewSettings {
  const { platformName, performAsEmail, defaultStage, exportUnsuccessful } = section;
  return { platformName, performAsEmail, defaultStage, exportUnsuccessful };
}
