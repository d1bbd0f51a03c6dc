// The console's stylesheets, served by the API from files on disk: Pico from its npm package, ours from
// ./assets. A fixed list: nothing else under /console/assets can be reached.
import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES: Record<string, () => string> = {
  'pico.min.css': () => require.resolve('@picocss/pico/css/pico.min.css'),
  'console.css': () => join(__dirname, 'assets', 'console.css'),
};

/** Read once on first use: the files do not change while the API runs. */
const loaded = new Map<string, Buffer>();

export function serveAsset(req: Request, res: Response): void {
  const name = String(req.params.name);
  const path = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!path) {
    res.status(404).type('text/plain').send('no such asset');
    return;
  }
  let body = loaded.get(name);
  if (!body) {
    body = readFileSync(path());
    loaded.set(name, body);
  }
  res.type('text/css').send(body);
}
