import { describe, expect, it } from 'vitest';
import { digestMail, withPreferenceFooter } from '../../functions/engine/reminder-digest';

const lines = [
  { title: 'Convenant 2027', action: 'Geef uw besluit', deadline: '2026-11-08T16:00:00Z', url: 'https://x/d/abc' },
  {
    title: 'Bankjes <schilderen>',
    action: 'Laat weten hoe het staat',
    deadline: '2026-11-21T11:00:00Z',
    url: 'https://x/f/def',
  },
  { title: 'Doorgezet', action: 'Ter informatie: doorgezet naar de projectleider', deadline: '2026-11-30T16:00:00Z' },
];

describe('combined reminder message', () => {
  it('lists each thing with what is asked, its deadline in Amsterdam time and its own link', () => {
    const mail = digestMail({ name: 'Ruben', lang: 'nl' }, lines);
    expect(mail.subject).toBe('3 dingen wachten op u');
    expect(mail.text).toContain('1. Convenant 2027');
    expect(mail.text).toContain('Vóór zondag 8 november 2026 om 17:00 uur');
    expect(mail.text).toContain('https://x/f/def');
    expect(mail.html).toContain('Bankjes &lt;schilderen&gt;');
    expect(mail.html.match(/<li/g)).toHaveLength(3);
    expect(mail.html.match(/<a href/g)).toHaveLength(2);
  });

  it('speaks English to people who chose it', () => {
    const mail = digestMail({ name: 'Esther', lang: 'en' }, lines.slice(0, 2));
    expect(mail.subject).toBe('2 things are waiting for you');
    expect(mail.text).toContain('Before Sunday 8 November 2026 at 17:00');
  });

  it('puts the settings link at the end of the text and inside the HTML body', () => {
    const mail = withPreferenceFooter(digestMail({ name: 'Ruben', lang: 'nl' }, lines), 'nl', 'https://x/s/tok');
    expect(mail.text.trimEnd().endsWith('https://x/s/tok')).toBe(true);
    expect(mail.html.indexOf('https://x/s/tok')).toBeLessThan(mail.html.indexOf('</body>'));
  });
});
