// The release as a web person hosts it, in Chromium, Firefox ESR and
// WebKitGTK: the zip and the npm tarball in release/, each unpacked into an
// empty folder and served as static files by a plain server with the
// headers README.txt documents (tools/release.mjs's HEADERS), and the
// snippet from the package's own README.txt on a clinic page under the
// strict Content-Security-Policy it documents.
// - The zip, self-hosted: its embed/<version>/ copied to the site's
//   /embed/<version>/, the page on the same origin.
// - The tarball, from a CDN: the package served at
//   /npm/symptom-checker@<version>/ by a second server (another origin,
//   with the cross-origin header npm CDNs send), the CDN snippet with its
//   `integrity` and `crossorigin`, the CDN's origin added to script-src and
//   connect-src as README.txt says.
// Every file the browser asks for must exist (a 404 fails the test) and
// nothing may warn: a wasm served with another MIME type makes the glue
// warn, a wrong SRI hash or a CSP violation stops the widget.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { startServer, readUi } from '../e2e/lib/server.mjs';
import { walkTo, back, restart, assertEmergencyLine } from '../e2e/lib/journey.mjs';
import { engineSuite, CAPTURE_PAGE, CAPTURE_TAG } from '../engines/lib/engines.mjs';
import { HEADERS, CROSS_ORIGIN_HEADERS } from '../../tools/release.mjs';
import { releaseFiles, unpackZip, unpackTarball, emptyFolder, readmeSnippets, readmePolicy } from './lib.mjs';

const UI = {};
const servers = {};
const pages = {};

/** `headers` for startServer: the documented headers on every file of `folder` (a URL path ending in /). */
function documentedHeaders(folder, extra = {}) {
  const lower = (h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.fromEntries(Object.entries(HEADERS).map(([file, h]) => [`${folder}${file}`, lower({ ...h, ...extra })]));
}

/** A clinic's page with a snippet pasted into it, as is. */
const clinicPage = (snippet) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Riverside Skin Clinic</title><link rel="icon" href="/favicon.ico">${CAPTURE_TAG}</head>
<body>
<main>
<h1>Check a symptom</h1>
${snippet}</main>
</body>
</html>
`;

before(async () => {
  UI.es = await readUi('es');
  const release = releaseFiles();

  // The zip, self-hosted: the web person copies embed/<version>/ to their site.
  const unzipped = unpackZip(release.zip);
  const readme = fs.readFileSync(path.join(unzipped, 'README.txt'), 'utf8');
  const [version] = fs.readdirSync(path.join(unzipped, 'embed'));
  const site = emptyFolder('site');
  fs.cpSync(path.join(unzipped, 'embed'), path.join(site, 'embed'), { recursive: true });

  // The tarball, on a CDN: the package's folder at /npm/<name>@<version>/.
  const unpacked = unpackTarball(release.tgz);
  const pkg = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
  const cdnRoot = emptyFolder('cdn');
  const cdnFolder = `/npm/${pkg.name}@${pkg.version}/`;
  fs.mkdirSync(path.join(cdnRoot, 'npm'));
  fs.cpSync(unpacked, path.join(cdnRoot, cdnFolder), { recursive: true });
  servers.cdn = await startServer({
    root: cdnRoot,
    gzip: true,
    headers: documentedHeaders(`${cdnFolder}embed/${version}/`, CROSS_ORIGIN_HEADERS),
  });

  const snippets = readmeSnippets(readme);
  const policy = readmePolicy(readme);
  const cdnSnippet = snippets.cdn.replace(/https:\/\/[^/"]+\/npm\//, `${servers.cdn.origin}/npm/`);
  assert.notEqual(cdnSnippet, snippets.cdn, 'the CDN snippet points at the test CDN');
  const cdnPolicy = `${policy.replace("script-src 'self'", `script-src 'self' ${servers.cdn.origin}`)}; connect-src 'self' ${servers.cdn.origin}`;
  servers.site = await startServer({
    root: site,
    gzip: true,
    headers: documentedHeaders(`/embed/${version}/`),
    pages: {
      ...CAPTURE_PAGE,
      '/zip.html': { body: clinicPage(snippets.selfHosted), headers: { 'content-security-policy': policy } },
      '/cdn.html': { body: clinicPage(cdnSnippet), headers: { 'content-security-policy': cdnPolicy } },
    },
  });
  pages.zip = { url: servers.site.url('/zip.html'), files: servers.site, folder: `/embed/${version}/` };
  pages.cdn = { url: servers.site.url('/cdn.html'), files: servers.cdn, folder: `${cdnFolder}embed/${version}/` };
});
after(async () => {
  await servers.site?.close();
  await servers.cdn?.close();
});

engineSuite(() => servers.site, ({ engine, page }) => {
  for (const [kind, what] of [['zip', 'the zip, self-hosted'], ['cdn', 'the npm tarball, from another origin (a CDN)']]) {
    test(`${engine}: ${what}: README.txt's snippet under the strict CSP runs journeys, Back, the language switch`, () =>
      page({}, async (p) => {
        const { url, files, folder } = pages[kind];
        const before = files.responses.length;
        await p.open(url);
        const w = p.widget();
        await walkTo(w, 'headache_persisting', { each: (x) => assertEmergencyLine(x) });
        await back(w);
        await w.click('button[data-locale="es"]');
        await w.waitFor('[data-screen][lang="es"]');
        await restart(w);
        await walkTo(w, 'emergency_now', { each: (x) => assertEmergencyLine(x, { text: UI.es.not_a_diagnosis }) });

        const served = files.responses.slice(before);
        for (const file of Object.keys(HEADERS)) {
          assert.ok(served.some((r) => r.path === `${folder}${file}` && r.status === 200), `${file} came from ${folder}: ${JSON.stringify(served)}`);
        }
        assert.deepEqual(served.filter((r) => r.status >= 400), [], 'every file asked for is in the package');
        // The glue warns when the wasm arrives with another MIME type; nothing else may warn either.
        assert.deepEqual(await p.messages('warning'), []);
        // Violations and console errors are in the page's record, and fail the test when the page closes.
      }));
  }
});
