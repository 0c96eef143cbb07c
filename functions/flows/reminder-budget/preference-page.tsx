/** The page behind a person's settings link: reminders once a day or once a week, and the language. */
import type { Body, Person } from '../../engine/directory';
import { Choice, Hidden } from '../../engine/ui/form';
import { linkPage } from '../../engine/page-layout';
import type { Lang } from '../../platform/time';

const words = {
  nl: {
    title: 'Mijn instellingen voor e-mail',
    intro: (name: string) => `Hier kiest u, ${name}, hoe u e-mail van het programmabureau krijgt.`,
    reminders: 'Herinneringen',
    daily: 'Hoogstens één keer per dag, samengevoegd in één bericht',
    weekly: 'Hoogstens één keer per week, samengevoegd in één bericht',
    deadlines:
      'Dreigt een termijn te verlopen? Dan krijgt u de herinnering toch op tijd. ' +
      'Uitnodigingen, bevestigingen en uitkomsten krijgt u altijd meteen. ' +
      'Wij sturen geen herinneringen tussen 21.00 en 8.00 uur en niet op zondag.',
    language: 'Taal',
    nl: 'Nederlands',
    en: 'English',
    save: 'Opslaan',
    saved: 'Uw keuze is opgeslagen.',
    minutes: 'Wat er besproken is',
    minutesHint: 'Stuur mij na elke vergadering in het kort wat er besproken en besloten is, van:',
    'expired-form':
      'Deze pagina was te lang open, of uw instellingen zijn intussen veranderd. ' +
      'Kijk of alles klopt en sla opnieuw op.',
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
      'Is a deadline about to pass? Then you still get the reminder in time. ' +
      'Invitations, confirmations and outcomes always come at once. ' +
      'We send no reminders between 21:00 and 8:00, nor on Sundays.',
    language: 'Language',
    nl: 'Nederlands',
    en: 'English',
    save: 'Save',
    saved: 'Your choice has been saved.',
    minutes: 'What was discussed',
    minutesHint: 'After each meeting, send me in short what was discussed and decided, by:',
    'expired-form':
      'This page was open too long, or your settings changed in the meantime. ' +
      'Check that everything is right and save again.',
    choose: 'Please choose one of the options.',
    weeklyNow: 'You now get reminders at most once a week, combined into one message.',
    weeklyWhy:
      'Reminders cannot be turned off completely: each one is about something asked of you before a deadline. ' +
      'Is a deadline about to pass? Then you still get the reminder in time.',
    other: 'Would you like to choose something else?',
    otherLink: 'To my settings',
  },
} satisfies Record<Lang, unknown>;

type Words = (typeof words)[Lang];

/** How often reminders may come; a deadline still wins, which the fieldset says. */
function Rhythm(p: { m: Words; person: Person }) {
  const pref = p.person.reminderPreference === 'weekly' ? 'weekly' : 'daily';
  return (
    <fieldset>
      <legend>{p.m.reminders}</legend>
      <Choice type="radio" name="reminderPreference" value="daily" label={p.m.daily} checked={pref === 'daily'} />
      <Choice type="radio" name="reminderPreference" value="weekly" label={p.m.weekly} checked={pref === 'weekly'} />
      <p>{p.m.deadlines}</p>
    </fieldset>
  );
}

/** The bodies whose public minutes a person may ask for; none to offer, no fieldset. */
function Minutes(p: { m: Words; person: Person; bodies: Body[] }) {
  if (!p.bodies.length) return null;
  return (
    <fieldset>
      <legend>{p.m.minutes}</legend>
      <p>{p.m.minutesHint}</p>
      {p.bodies.map((b) => (
        <Choice
          type="checkbox"
          name="subscribedBodyIds"
          value={b.id}
          label={b.name}
          checked={p.person.subscribedBodyIds?.includes(b.id) ?? false}
        />
      ))}
    </fieldset>
  );
}

function Language(p: { m: Words; lang: Lang }) {
  return (
    <fieldset>
      <legend>{p.m.language}</legend>
      <Choice type="radio" name="lang" value="nl" label={p.m.nl} checked={p.lang === 'nl'} />
      <Choice type="radio" name="lang" value="en" label={p.m.en} checked={p.lang === 'en'} />
    </fieldset>
  );
}

export function preferencePage(
  person: Person,
  action: string,
  proof: string,
  bodies: Body[],
  state: { saved?: boolean; error?: 'expired-form' | 'choose' } = {},
): string {
  const m = words[person.lang];
  return linkPage(
    person.lang,
    m.title,
    <>
      <h1>{m.title}</h1>
      <p>{m.intro(person.name)}</p>
      {state.saved ? (
        <p class="notice" role="status">
          {m.saved}
        </p>
      ) : null}
      {state.error ? (
        <p class="error" role="alert">
          {m[state.error]}
        </p>
      ) : null}
      <form method="post" action={action}>
        <Hidden name="proof" value={proof} />
        <Rhythm m={m} person={person} />
        <Minutes m={m} person={person} bodies={bodies} />
        <Language m={m} lang={person.lang} />
        <button type="submit">{m.save}</button>
      </form>
    </>,
  );
}

/** The answer to a mail program's one-click "unsubscribe" (RFC 8058): what changed, and the way to the settings. */
export function weeklyNowPage(person: Person, settings: string): string {
  const m = words[person.lang];
  return linkPage(
    person.lang,
    m.title,
    <>
      <h1>{m.title}</h1>
      <p class="notice" role="status">
        {m.weeklyNow}
      </p>
      <p>{m.weeklyWhy}</p>
      <p>
        {m.other} <a href={settings}>{m.otherLink}</a>
      </p>
    </>,
  );
}
