/** The page behind a person's settings link: reminders once a day or once a week, and the language. */
import type { Body, Person } from '../../engine/directory';
import { html } from '../../platform/html';
import { layout } from '../../engine/page-layout';
import type { Lang } from '../../platform/time';

const words = {
  nl: {
    title: 'Mijn instellingen voor e-mail',
    intro: (name: string) => `Hier kiest u, ${name}, hoe u e-mail van het programmabureau krijgt.`,
    reminders: 'Herinneringen',
    daily: 'Hoogstens één keer per dag, samengevoegd in één bericht',
    weekly: 'Hoogstens één keer per week, samengevoegd in één bericht',
    deadlines:
      'Dreigt een termijn te verlopen? Dan krijgt u de herinnering toch op tijd. Uitnodigingen, bevestigingen en uitkomsten krijgt u altijd meteen. Wij sturen geen herinneringen tussen 21.00 en 8.00 uur en niet op zondag.',
    language: 'Taal',
    nl: 'Nederlands',
    en: 'English',
    save: 'Opslaan',
    saved: 'Uw keuze is opgeslagen.',
    minutes: 'Wat er besproken is',
    minutesHint: 'Stuur mij na elke vergadering in het kort wat er besproken en besloten is, van:',
    'expired-form':
      'Deze pagina was te lang open, of uw instellingen zijn intussen veranderd. Kijk of alles klopt en sla opnieuw op.',
    choose: 'Kies een van de mogelijkheden.',
    weeklyNow: 'U krijgt herinneringen nu hoogstens één keer per week, samengevoegd in één bericht.',
    weeklyWhy:
      'Herinneringen helemaal uitzetten kan niet: elke herinnering gaat over iets dat vóór een termijn van u ' +
      'gevraagd wordt. Dreigt een termijn te verlopen? Dan krijgt u de herinnering toch op tijd.',
    other: 'Wilt u iets anders kiezen?',
    otherLink: 'Naar mijn instellingen',
  },
  en: {
    title: 'My email settings',
    intro: (name: string) => `Here you choose, ${name}, how you get email from the programme office.`,
    reminders: 'Reminders',
    daily: 'At most once a day, combined into one message',
    weekly: 'At most once a week, combined into one message',
    deadlines:
      'Is a deadline about to pass? Then you still get the reminder in time. Invitations, confirmations and outcomes always come at once. We send no reminders between 21:00 and 8:00, nor on Sundays.',
    language: 'Language',
    nl: 'Nederlands',
    en: 'English',
    save: 'Save',
    saved: 'Your choice has been saved.',
    minutes: 'What was discussed',
    minutesHint: 'After each meeting, send me in short what was discussed and decided, by:',
    'expired-form':
      'This page was open too long, or your settings changed in the meantime. Check that everything is right and save again.',
    choose: 'Please choose one of the options.',
    weeklyNow: 'You now get reminders at most once a week, combined into one message.',
    weeklyWhy:
      'Reminders cannot be turned off completely: each one is about something asked of you before a deadline. ' +
      'Is a deadline about to pass? Then you still get the reminder in time.',
    other: 'Would you like to choose something else?',
    otherLink: 'To my settings',
  },
} satisfies Record<Lang, unknown>;

export function preferencePage(
  person: Person,
  action: string,
  proof: string,
  bodies: Body[],
  state: { saved?: boolean; error?: 'expired-form' | 'choose' } = {},
): string {
  const m = words[person.lang];
  const pref = person.reminderPreference === 'weekly' ? 'weekly' : 'daily';
  const radio = (name: string, value: string, label: string, checked: boolean) =>
    html`<label><input type="radio" name="${name}" value="${value}"${checked ? html` checked` : ''}> ${label}</label>`;
  return layout(
    person.lang,
    m.title,
    html`<h1>${m.title}</h1><p>${m.intro(person.name)}</p>
${state.saved ? html`<p class="notice" role="status">${m.saved}</p>` : ''}${state.error ? html`<p class="error" role="alert">${m[state.error]}</p>` : ''}
<form method="post" action="${action}"><input type="hidden" name="proof" value="${proof}">
<fieldset><legend>${m.reminders}</legend>${radio('reminderPreference', 'daily', m.daily, pref === 'daily')}${radio('reminderPreference', 'weekly', m.weekly, pref === 'weekly')}<p>${m.deadlines}</p></fieldset>
${bodies.length ? html`<fieldset><legend>${m.minutes}</legend><p>${m.minutesHint}</p>${bodies.map((b) => html`<label><input type="checkbox" name="subscribedBodyIds" value="${b.id}"${person.subscribedBodyIds?.includes(b.id) ? html` checked` : ''}> ${b.name}</label>`)}</fieldset>` : ''}
<fieldset><legend>${m.language}</legend>${radio('lang', 'nl', m.nl, person.lang === 'nl')}${radio('lang', 'en', m.en, person.lang === 'en')}</fieldset>
<button type="submit">${m.save}</button></form>`,
  );
}

/** The answer to a mail program's one-click "unsubscribe" (RFC 8058): what changed, and the way to the settings. */
export function weeklyNowPage(person: Person, settings: string): string {
  const m = words[person.lang];
  return layout(
    person.lang,
    m.title,
    html`<h1>${m.title}</h1>
<p class="notice" role="status">${m.weeklyNow}</p><p>${m.weeklyWhy}</p>
<p>${m.other} <a href="${settings}">${m.otherLink}</a></p>`,
  );
}
