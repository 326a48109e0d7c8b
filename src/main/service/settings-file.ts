// The app's small, non-secret settings file (<dataDir>/settings.json): the sync interval and which
// account to restore at start. Never a token: those live in the SecretStore. Read leniently (a hand-
// edited or older file falls back to defaults field by field) and written atomically.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { objectOf } from '../../shared/json-object';

/** Minutes between background syncs when the user has not chosen. */
const DEFAULT_SYNC_INTERVAL_MINUTES = 15;

const LastAccount = z.object({
  apiUrl: z.string().min(1).max(2_000),
  demo: z.boolean(),
  /** The cache folder in use, so a demo restarted on another port can drop its old cache. */
  accountId: z.string().max(64).nullable().catch(null),
});

/** What the settings file holds. */
export const SettingsFile = z.object({
  syncIntervalMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .catch(DEFAULT_SYNC_INTERVAL_MINUTES),
  /** The account to restore at start; null after signing out. */
  lastAccount: LastAccount.nullable().catch(null),
  /** The last API URL signed in to, to prefill the sign-in form. */
  lastApiUrl: z.string().max(2_000).nullable().catch(null),
  /** The demo server's last port: reusing it keeps the demo's cache (its id depends on the URL). */
  demoPort: z.number().int().min(1).max(65_535).nullable().catch(null),
});
/** The parsed settings file. */
export type SettingsFile = z.infer<typeof SettingsFile>;

const DEFAULTS: SettingsFile = {
  syncIntervalMinutes: DEFAULT_SYNC_INTERVAL_MINUTES,
  lastAccount: null,
  lastApiUrl: null,
  demoPort: null,
};

/** The settings file's path under a data dir. */
function settingsPath(dataDir: string): string {
  return join(dataDir, 'settings.json');
}

/** Reads the settings; a missing or unreadable file gives the defaults. */
function loadSettings(dataDir: string): SettingsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(settingsPath(dataDir), 'utf8'));
  } catch {
    return { ...DEFAULTS };
  }
  const parsed = SettingsFile.safeParse({
    ...DEFAULTS,
    ...objectOf(raw),
  });
  return parsed.success ? parsed.data : { ...DEFAULTS };
}

/** Writes the settings atomically (a crash mid-write leaves the old file, never half a file). */
function saveSettings(dataDir: string, settings: SettingsFile): void {
  mkdirSync(dataDir, { recursive: true });
  const path = settingsPath(dataDir);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

/** The settings, kept in memory and written through on every change. */
export class SettingsStore {
  #current: SettingsFile;

  constructor(private readonly dataDir: string) {
    this.#current = loadSettings(dataDir);
  }

  /** The current settings (a copy). */
  get(): SettingsFile {
    return { ...this.#current };
  }

  /** Changes some settings and saves them. */
  update(patch: Partial<SettingsFile>): SettingsFile {
    this.#current = { ...this.#current, ...patch };
    saveSettings(this.dataDir, this.#current);
    return this.get();
  }
}
