// `npm run package:check`: packages the app with the real electron-builder.yml from a stand-in
// Electron distribution (scripts/package/build-unpacked.ts) and checks what an installer would hold.
// Not verified here: that better-sqlite3's addon is built for Electron's ABI (only the Node build
// exists on a machine without Electron's headers; rebuild-electron.mjs proves the real one loads in
// Electron where it can), code signing, and the AppImage/deb/dmg/NSIS wrappers themselves (the
// workflows build those where Electron is available).
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { extractAll, listPackage } from '@electron/asar';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareImports } from '../../scripts/package/bare-imports';
import { buildUnpacked, type UnpackedBuild } from '../../scripts/package/build-unpacked';
import { startPackagedMainUnderStandIn } from '../../scripts/package/start-packaged-main';

const root = resolve(import.meta.dirname, '../..');
// A fuse's byte in the binary: ASCII '0' off, '1' on (@electron/fuses' FuseState).
const FUSE_OFF = 0x30;
const FUSE_ON = 0x31;
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const work = mkdtempSync(join(tmpdir(), 'sdesk-package-'));
let build: UnpackedBuild;
let resources = '';
let asarFiles: string[] = [];
let appDir = '';

// The stand-in is Linux's Electron layout; on macOS and Windows `npm run package` builds the real one.
const onLinux = process.platform === 'linux';

beforeAll(() => {
  if (!onLinux) return;
  build = buildUnpacked({ root, workDir: join(work, 'ok'), withNativeBuild: true });
  if (build.status !== 0) throw new Error(`electron-builder failed:\n${build.output}`);
  resources = join(build.appOutDir, 'resources');
  // Paths inside the archive, without the leading separator.
  asarFiles = listPackage(join(resources, 'app.asar'), { isPack: false }).map((p) =>
    p.replace(/^[\\/]/, '').replaceAll('\\', '/'),
  );
  appDir = join(work, 'app');
  extractAll(join(resources, 'app.asar'), appDir);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const inAsar = (path: string): boolean => asarFiles.includes(path);
const topLevelModules = (): Set<string> =>
  new Set(
    asarFiles
      .filter((p) => p.startsWith('node_modules/'))
      .map((p) => p.split('/'))
      .map((parts) => (parts[1]?.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]))
      .filter((name): name is string => Boolean(name)),
  );

/** Every package the production dependencies need at run time, found as Node would resolve them. */
function productionClosure(): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string, fromDir: string): void => {
    let dir = fromDir;
    let pkgDir: string | null = null;
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) {
        pkgDir = candidate;
        break;
      }
      if (dir === root || dirname(dir) === dir) break;
      dir = dirname(dir);
    }
    if (!pkgDir || seen.has(pkgDir)) return;
    seen.add(pkgDir);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep, pkgDir);
  };
  for (const dep of Object.keys(rootPkg.dependencies)) visit(dep, root);
  return new Set(
    [...seen].map((dir) =>
      dir
        .slice(join(root, 'node_modules').length + 1)
        .replaceAll('\\', '/')
        .split('/node_modules/')
        .pop()!,
    ),
  );
}

describe.runIf(onLinux)('the packaged app (Linux layout, stand-in Electron)', () => {
  it('is the Screendesk Desktop executable with the app in resources/app.asar', () => {
    expect(existsSync(join(build.appOutDir, 'screendesk-desktop'))).toBe(true);
    expect(existsSync(join(resources, 'app.asar'))).toBe(true);
    expect(existsSync(join(resources, 'icon.png'))).toBe(true);
    expect(existsSync(join(resources, 'screendesk-v2.openapi.json'))).toBe(true);
  });

  it('holds the main process (with its service and reader threads), the preload and the renderer, and package.json names the main', () => {
    expect(inAsar('out/main/index.js')).toBe(true);
    expect(inAsar('out/main/service-thread.js')).toBe(true);
    expect(inAsar('out/main/reader-thread.js')).toBe(true);
    expect(inAsar('out/preload/index.cjs')).toBe(true);
    expect(inAsar('out/renderer/index.html')).toBe(true);
    expect(asarFiles.some((p) => /^out\/renderer\/assets\/.+\.js$/.test(p))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main.replace(/^\.\//, '')).toBe('out/main/index.js');
  });

  it('holds every migration and the journal the migrator reads', () => {
    const sql = readdirSync(join(root, 'drizzle')).filter((f) => f.endsWith('.sql'));
    expect(sql.length).toBeGreaterThan(0);
    for (const file of sql) expect(inAsar(`drizzle/${file}`), file).toBe(true);
    expect(inAsar('drizzle/meta/_journal.json')).toBe(true);
  });

  it('ships better-sqlite3 built for the packaged app and keytar unpacked, outside the asar', () => {
    const addon = join(
      resources,
      'native',
      `electron-${build.electronVersion}-linux-${process.arch}`,
      'better_sqlite3.node',
    );
    expect(existsSync(addon)).toBe(true);
    expect(
      existsSync(join(resources, 'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node')),
    ).toBe(true);
    // The JavaScript half of both modules, and what better-sqlite3 requires, are in the asar.
    for (const file of [
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/keytar/lib/keytar.js',
      'node_modules/bindings/bindings.js',
    ]) {
      expect(inAsar(file), file).toBe(true);
    }
    // Not the Node build nor the C sources: the app never loads them.
    expect(asarFiles.filter((p) => /^node_modules\/better-sqlite3\/(build|deps|src)\//.test(p))).toEqual([]);
  });

  it('holds every production dependency the app needs at run time', () => {
    const shipped = topLevelModules();
    const missing = [...productionClosure()].filter(
      (name) => !shipped.has(name) && !asarFiles.some((p) => p.includes(`/node_modules/${name}/`)),
    );
    expect(missing).toEqual([]);
  });

  it('holds no development dependency', () => {
    const needed = productionClosure();
    const shipped = topLevelModules();
    expect(
      Object.keys(rootPkg.devDependencies).filter((dev) => shipped.has(dev) && !needed.has(dev)),
    ).toEqual([]);
    expect(shipped.has('electron')).toBe(false);
  });

  it('holds no tests, no sources and no source maps of the main process', () => {
    const ours = asarFiles.filter((p) => !p.startsWith('node_modules/'));
    expect(
      ours.filter((p) => /^(test|src|scripts|bench)\//.test(p) || /\.(test|spec)\.[cm]?[jt]s$/.test(p)),
    ).toEqual([]);
    expect(ours.filter((p) => p.endsWith('.map'))).toEqual([]);
  });

  it('holds no browser host: the main process carries no WebSocket server', () => {
    expect(asarFiles.filter((p) => /browser-host/.test(p))).toEqual([]);
    const main = readFileSync(join(appDir, 'out/main/index.js'), 'utf8');
    expect(bareImports(main).filter((name) => name === 'ws' || name.startsWith('ws/'))).toEqual([]);
    expect(main).not.toContain('WebSocketServer');
    // Nor does the shipped renderer hold the browser host's WebSocket client.
    const renderer = asarFiles.filter((p) => p.startsWith('out/renderer/') && p.endsWith('.js'));
    expect(renderer.length).toBeGreaterThan(0);
    for (const file of renderer) {
      expect(readFileSync(join(appDir, file), 'utf8'), file).not.toMatch(/new\s+WebSocket\s*\(/);
    }
  });

  it('has the fuses flipped: no RunAsNode, NODE_OPTIONS or --inspect; app only from an integrity-checked asar; cookies encrypted; no file:// privileges', async () => {
    const wire = (await getCurrentFuseWire(join(build.appOutDir, 'screendesk-desktop'))) as unknown as Record<
      number,
      number
    >;
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FUSE_ON);
    // The renderer comes from app://, so file:// needs no extra privileges.
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FUSE_OFF);
  });

  it('starts its packaged main under the stand-in Electron harness: the sign-in screen from app://, a clean quit', async () => {
    const started = await startPackagedMainUnderStandIn(appDir, resources);
    expect(started.screen).toBe('Try demo data');
    expect(started.url).toMatch(/^app:\/\//);
    expect(started.exitCode).toBe(0);
  }, 120_000);
});

describe.runIf(onLinux)('packaging without the Electron build of better-sqlite3', () => {
  it('fails and says to run npm run rebuild:electron, instead of shipping an app that cannot open its database', () => {
    const failed = buildUnpacked({ root, workDir: join(work, 'no-native'), withNativeBuild: false });
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('npm run rebuild:electron');
    expect(existsSync(join(failed.appOutDir, 'resources', 'app.asar'))).toBe(false);
  }, 300_000);
});
