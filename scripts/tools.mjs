// The command-line tools the on-demand scripts compare with (kzonecheck, named-checkzone),
// installed from their Debian packages when missing and allowed.
import { spawnSync } from 'node:child_process';

export function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

/** The path of `cmd`; when missing, installs `pkg` with apt-get if `install` and root. Undefined when still missing. */
export function ensureTool(cmd, pkg, install) {
  let found = which(cmd);
  if (found) return found;
  if (!install) {
    console.log(`# ${cmd} not found (--no-install): skipped`);
    return undefined;
  }
  if (process.getuid?.() !== 0) {
    console.log(`# ${cmd} not found and not root: install the Debian package ${pkg}; skipped`);
    return undefined;
  }
  console.log(`# installing ${pkg} for ${cmd} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '-q', pkg], { stdio: 'ignore', env });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore', env });
    r = spawnSync('apt-get', ['install', '-y', '-q', pkg], { stdio: 'ignore', env });
  }
  found = which(cmd);
  if (!found) console.log(`# could not install ${pkg}: ${cmd} skipped`);
  return found;
}
