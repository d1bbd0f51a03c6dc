// One name per integration, `tech-interview`, written once in its definition; everything else is derived
// from it here, so the registry key, the workflow ids, the routes and the variables can never disagree.
// Workflow-safe: plain string functions.

/** `tech-interview` -> `TECH_INTERVIEW`: the prefix of its variables (`TECH_INTERVIEW_ENABLED`...). */
export function envPrefixOf(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/** `tech-interview` -> `techInterview`: its key in the registry and in the configuration. */
export function registryKeyOf(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** What a name must look like: lower-case words joined by `-`, usable in a path, an id and a variable. */
export const INTEGRATION_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
