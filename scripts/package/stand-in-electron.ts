// A stand-in Electron distribution for electron-builder's `electronDist`, where Electron's own
// download cannot be had: the unpacked layout electron-builder copies for Linux (an `electron`
// executable next to resources/ and locales/, Electron's and Chromium's licence files), so that
// packaging runs its real steps — file selection, asar, unpacked natives, extra resources, renaming,
// fuses — on everything but Chromium itself.
// The executable is a shell script that refuses to run. It carries Electron's fuse wire (the sentinel
// @electron/fuses searches for, the wire version, the fuse count, one byte per fuse with Electron 45's
// defaults), so electron-builder flips the fuses in it exactly as in the real binary, and the package
// check reads back what it flipped.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses' marker before the wire (constants.SENTINEL). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
/**
 * Electron 45's defaults, in @electron/fuses' FuseV1Options order: RunAsNode on, cookie encryption
 * off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser V8 snapshot off,
 * file:// extra privileges on.
 */
const ELECTRON_DEFAULT_FUSES = '10110001';

export function writeStandInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([FUSE_WIRE_VERSION, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES, 'latin1'),
  ]);
  const script = Buffer.concat([
    Buffer.from(
      '#!/bin/sh\n# Stand-in Electron for npm run package:check (scripts/package/stand-in-electron.ts).\n# ',
    ),
    wire,
    Buffer.from('\necho "This is a stand-in Electron binary: it cannot run the app." >&2\nexit 1\n'),
  ]);
  writeFileSync(join(dir, 'electron'), script);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for Electron’s LICENSE.\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>Stand-in for Chromium’s licences.</p>\n');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(join(dir, 'version'), '');
}
