// The technical-interview platform's section of the configuration: `TECH_INTERVIEW_*`.
import { z } from 'zod';
import { bool, email, type EnvReader } from '../../config/env';
import { partnerConnection, sandboxDefault, type PartnerConnection, type SectionContext } from '../../config/partner';
import { SANDBOX_PERFORM_AS_EMAIL, sandboxCallbackSecret } from '../../config/sandbox-defaults';
import { field, type SettingFields } from '../../settings/fields';
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
    // Without it the integration is "not set up" (see `techInterviewEditable`), not a start-up error.
    performAsEmail: r.get('TECH_INTERVIEW_PERFORM_AS_EMAIL', email, sandboxDefault(ctx, SANDBOX_PERFORM_AS_EMAIL)) ?? '',
    defaultStage: r.get('TECH_INTERVIEW_DEFAULT_STAGE', z.string().trim().min(1), 'New Applicant'),
    exportUnsuccessful: r.get('TECH_INTERVIEW_EXPORT_UNSUCCESSFUL', bool, false),
  };
}

export function techInterviewSettings(section: TechInterviewConfig): TechInterviewSettings {
  const { platformName, performAsEmail, defaultStage, exportUnsuccessful } = section;
  return { platformName, performAsEmail, defaultStage, exportUnsuccessful };
}

/** What an admin edits on the technical interviews' settings page. */
export const techInterviewEditable: SettingFields = {
  enabled: field.boolean('Enabled'),
  defaultStage: field.stage('Default stage', { help: 'The Lever stage advanced candidates are created at.', requiredWhenEnabled: true }),
  performAsEmail: field.user('Default perform-as user', {
    help: 'The Lever user candidates are created as when the interviewer has no Lever user who may.',
    requiredWhenEnabled: true,
  }),
  exportUnsuccessful: field.boolean(
    'Export unsuccessful candidates',
    'Also create candidates the platform did not advance, under their pseudonym.',
  ),
  platformName: field.text('Platform name', {
    help: 'How notes and tags name the platform.',
    schema: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[^:]+$/, 'must not contain ":"'),
  }),
};
