// The workflow bundle's entry: the opportunity process and every workflow of every integration in the
// registry, by name. Temporal looks a workflow type up here; nothing else imports this file. It is a
// CommonJS module (`import = require`, `export =`) because its exports are built from the registry.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module on purpose, see above */
import registry = require('./integrations');
import opportunity = require('./opportunity/workflow');
import bulk = require('./opportunity/bulk');
import leverRead = require('./lever/read-workflow');
import leverTurn = require('./lever/turn-workflow');
import settings = require('./settings/workflow');
import issues = require('./issues/workflow');
import apiTokens = require('./tokens/workflow');
import issuesEvaluation = require('./issues/evaluation-workflow');

// No `import type` either: an ES import, even of types only, makes some swc versions mark the module ESM.
const workflows: Record<string, import('@temporalio/workflow').Workflow> = {
  opportunityProcess: opportunity.opportunityProcess,
  leverSweep: bulk.leverSweep,
  leverBackfill: bulk.leverBackfill,
  leverRead: leverRead.leverRead,
  leverTurn: leverTurn.leverTurn,
  relaySettings: settings.relaySettings,
  relayIssues: issues.relayIssues,
  relayApiTokens: apiTokens.relayApiTokens,
  issuesEvaluation: issuesEvaluation.issuesEvaluation,
};
for (const integration of Object.values(registry.integrations)) {
  for (const [name, workflow] of Object.entries(integration.workflows)) {
    if (name in workflows) throw new Error(`two workflows are named ${name}`);
    workflows[name] = workflow;
  }
}

export = workflows;
