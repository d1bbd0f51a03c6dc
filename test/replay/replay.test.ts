// Replays saved histories of real runs against today's workflow code: a change that would break
// running workflows (non-determinism) fails here before it reaches production.
// `npm run record-histories` records them anew (only for a change that is meant to break running workflows).
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/assembly/config';
import { dataConverter } from '../../src/temporal/connection';
import { quietRuntime, replayHistory } from '../harness/temporal';

const dir = join(__dirname, 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('replay of saved histories', () => {
  beforeAll(() => quietRuntime());

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    // The sandbox key: these runs were recorded with `npm start` and no configuration.
    await replayHistory(
      { workflowBundle: { codePath: process.env.TEMPORAL_TEST_BUNDLE! }, dataConverter: dataConverter(loadConfig({})) },
      history,
      file,
    );
  });
});
