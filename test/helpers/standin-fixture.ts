// The stand-in Electron harness for a vitest file: builds the app once, shares one Chromium, and
// closes every app and removes every data folder a test made.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { builtApp } from '../electron-standin/built-app';
import { CHROMIUM_LAUNCH, launchStandIn } from '../electron-standin';
import type { StandInApp, StandInOptions, TimelineEvent } from '../electron-standin';

/** What a test file gets. */
export interface StandInFixture {
  /** A new empty folder (removed after the test). */
  folder(): string;
  /** A data folder that exists, as one used before does. */
  dataDir(): string;
  /** Launches the built app (closed after the test). */
  launch(opts?: Partial<StandInOptions>): Promise<StandInApp>;
}

/** Registers the hooks; call at the top of a test file. */
export function useStandIn(): StandInFixture {
  let browser: Browser | undefined;
  let main = '';
  const started: StandInApp[] = [];
  const folders: string[] = [];

  beforeAll(async () => {
    main = (await builtApp()).main;
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  }, 180_000);

  afterEach(async () => {
    await Promise.all(started.splice(0).map((a) => a.close()));
    for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const folder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'sdesk-standin-'));
    folders.push(dir);
    return dir;
  };

  return {
    folder,
    dataDir() {
      const dir = join(folder(), 'data');
      mkdirSync(dir);
      return dir;
    },
    async launch(opts = {}) {
      const app = await launchStandIn({
        mainPath: main,
        browser,
        ...opts,
        dataDir: 'dataDir' in opts ? opts.dataDir : this.dataDir(),
      });
      started.push(app);
      return app;
    },
  };
}

/** The index of the first timeline event of `type` matching `where` (-1 when there is none). */
export function indexOf(
  app: StandInApp,
  type: string,
  where: (e: TimelineEvent) => boolean = () => true,
): number {
  return app.timeline.findIndex((e) => e.type === type && where(e));
}
