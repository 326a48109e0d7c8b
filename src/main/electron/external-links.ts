// Leaving the app: a link opens in the system browser only under the app's one link rule (https, no
// credentials: src/shared/links.ts), and only after the user saw the host it leads to and agreed. The
// host is shown as the URL parser gives it (an internationalized name in its punycode form), so a
// look-alike name cannot pass for another.
import type { BrowserWindow } from 'electron';
import { dialog, shell } from 'electron';
import { APP_NAME } from '../../shared/app';
import { isExternalLink } from '../../shared/links';

/** Asks, then opens `url` in the system browser; resolves to whether it was opened. */
export async function openExternalAfterAsking(url: string, parent: BrowserWindow | null): Promise<boolean> {
  if (!isExternalLink(url)) return false;
  const target = new URL(url);
  const options = {
    type: 'question' as const,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
    message: `Open ${target.hostname} in your browser?`,
    detail: `This link leaves ${APP_NAME} for:\n${target.href}`,
  };
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(target.href);
  return true;
}
