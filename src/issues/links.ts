// Links a person follows from an issue: the Temporal UI (a workflow, a query, a schedule) and Lever.
import type { Config } from '../assembly/config';

const ns = (config: Config) => `${config.temporal.uiUrl}/namespaces/${encodeURIComponent(config.temporal.namespace)}`;

export const uiWorkflow = (config: Config, workflowId: string) => `${ns(config)}/workflows/${encodeURIComponent(workflowId)}`;
export const uiQuery = (config: Config, query: string) => `${ns(config)}/workflows?query=${encodeURIComponent(query)}`;
export const uiSchedule = (config: Config, scheduleId: string) => `${ns(config)}/schedules/${encodeURIComponent(scheduleId)}`;
export const uiTaskQueue = (config: Config, taskQueue: string) => `${ns(config)}/task-queues/${encodeURIComponent(taskQueue)}`;

/** Lever's own settings pages (in sandbox mode they do not exist: the link is still what a person would open). */
export const LEVER_API_SETTINGS = 'https://hire.lever.co/settings/integrations?tab=api';
export const LEVER_WEBHOOK_SETTINGS = 'https://hire.lever.co/settings/integrations?tab=webhooks';
export const LEVER_USER_SETTINGS = 'https://hire.lever.co/settings/users';
export const LEVER_STAGE_SETTINGS = 'https://hire.lever.co/settings/pipeline';
export const leverPosting = (postingId: string) => `https://hire.lever.co/jobs/postings/edit/${encodeURIComponent(postingId)}`;
