/** The office's notice that a flow no longer runs by itself (engine/watchdog.ts), in plain Dutch (B1). */
import type { EmailContent } from './email';
import { linkEmail, OFFICE } from './flow-email';
import { type MailDeps, type MailLedger, sendAndRecordVia } from './mail-ledger';
import type { Settings } from './ports';

const words = { hello: () => '', sign: '', linkLine: 'Bekijk het in de console:', personal: '' };

/** `what`: "Het actiepunt" or "De uitvraag"; `title`: its own words; `consoleUrl`: where the office steers it. */
export function stoppedFlowMail(what: string, title: string, consoleUrl: string): EmailContent {
  return linkEmail(
    words,
    OFFICE,
    `Loopt niet meer vanzelf: ${title}`,
    [
      `${what} "${title}" loopt niet meer vanzelf.`,
      'Het systeem heeft het al een keer opnieuw gestart, maar het stopte weer.',
      'Er gaan geen herinneringen meer uit. Wilt u zelf kijken wat er nodig is? U krijgt dit bericht één keer.',
    ],
    consoleUrl,
  );
}

/** Send the notice once per document: the same ledger key on every run. `consolePath`: `/console/follow-ups/<id>`. */
export function tellOfficeStopped(
  deps: MailDeps & { settings: Settings },
  ledger: MailLedger,
  id: string,
  what: string,
  title: string,
  consolePath: string,
): Promise<void> {
  const mail = stoppedFlowMail(what, title, `${deps.settings.publicBaseUrl}${consolePath}`);
  return sendAndRecordVia(deps, ledger, id, 'watchdog:office', deps.settings.officeEmail, 'notice', mail);
}
