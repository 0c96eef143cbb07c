/** The notice to the programme office when a round's workflow stopped: Dutch, for the office only. */
import type { EmailContent } from '../../engine/email';
import { render } from '../../platform/jsx';
import type { Round } from './round';

export function workflowFailedEmail(round: Round, error: string): EmailContent {
  const text = [
    `De automatische afhandeling van de ronde "${round.title}" is gestopt door een fout (${error}).`,
    '',
    'De besluiten die al zijn gegeven, zijn bewaard. Herinneringen worden niet meer vanzelf verstuurd;',
    'bij de deadline stelt het systeem de uitkomst alsnog vast. Verstuur zo nodig zelf een herinnering.',
    '',
    `Ronde: ${round.id}`,
  ].join('\n');
  return {
    subject: `Let op: ronde "${round.title}" loopt niet meer vanzelf`,
    text,
    // The text as it is, line for line: the office reads the same notice in either part.
    html: render(<pre style="font-family:Arial,sans-serif;white-space:pre-wrap">{text}</pre>),
  };
}
