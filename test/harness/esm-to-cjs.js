// Jest runs this repository's CommonJS and cannot load an ES module from node_modules (Node 20 can, with
// require(esm), but jest's own module loader does not). The few ESM-only packages we use (openid-client and
// the test's oidc-provider, with their ESM dependencies) are turned into CommonJS with esbuild (tsx's own
// compiler) as jest loads them. `import.meta.url` becomes the file's URL.
const { transformSync } = require('esbuild');

/** The ESM-only packages jest must transform (jest.config.js lets them through transformIgnorePatterns). */
const ESM_PACKAGES = ['openid-client', 'oauth4webapi', 'jose', 'oidc-provider', 'quick-lru', 'nanoid', 'eta'];

module.exports = {
  ESM_PACKAGES,
  process(source, path) {
    const { code } = transformSync(source, {
      format: 'cjs',
      loader: 'js',
      target: 'node20',
      sourcefile: path,
      define: { 'import.meta.url': '__esm_to_cjs_url' },
      banner: "const __esm_to_cjs_url = require('node:url').pathToFileURL(__filename).href;",
    });
    return { code };
  },
};
