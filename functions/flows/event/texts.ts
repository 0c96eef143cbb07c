/** The words of public events, Dutch first (B1), English alongside: pages and emails. */
import type { EventKind, Need } from './event';
import type { Lang } from '../../platform/time';

export const kindName: Record<Lang, Record<EventKind, string>> = {
  nl: { 'open-huis': 'Open huis', bewonersbijeenkomst: 'Bewonersbijeenkomst', wijkparlement: 'Wijkparlement' },
  en: {
    'open-huis': 'Open house',
    bewonersbijeenkomst: 'Residents’ meeting',
    wijkparlement: 'Neighbourhood parliament',
  },
};

export const needName: Record<Lang, Record<Need, string>> = {
  nl: { tolk: 'Een tolk', rolstoel: 'Plaats voor een rolstoel', kinderopvang: 'Opvang voor kinderen' },
  en: { tolk: 'An interpreter', rolstoel: 'Room for a wheelchair', kinderopvang: 'Childcare' },
};

export const mailWords = {
  nl: {
    hello: (name: string) => `Beste ${name},`,
    sign: 'Met vriendelijke groet,\nHet programmabureau van Samen Nieuw-West',
    linkLine: 'Wilt u iets veranderen of afmelden? Dat kan hier:',
    personal: 'Deze link is alleen voor u. Stuur hem niet door.',
    when: (w: string) => `Wanneer: ${w}`,
    where: (place: string, address: string) => `Waar: ${place}, ${address}`,
    people: (n: number) => `U komt met ${n} ${n === 1 ? 'persoon' : 'personen'}.`,
    confirmedSubject: (t: string) => `U bent aangemeld: ${t}`,
    confirmed: 'Er is een plaats voor u. In de bijlage staat de afspraak voor uw agenda.',
    waitingSubject: (t: string) => `U staat op de wachtlijst: ${t}`,
    waiting:
      'Alle plaatsen zijn nu bezet. U staat op de wachtlijst. Komt er een plaats vrij, dan krijgt u die vanzelf en sturen wij u een e-mail.',
    movedUpSubject: (t: string) => `Er is een plaats voor u: ${t}`,
    movedUp: 'Er is een plaats vrijgekomen. U bent nu aangemeld. In de bijlage staat de afspraak voor uw agenda.',
    againSubject: (t: string) => `Uw aanmelding: ${t}`,
    again: 'Wij kregen nog een aanmelding met dit e-mailadres. U was al aangemeld; er is niets veranderd.',
    changedSubject: (t: string) => `Uw aanmelding is veranderd: ${t}`,
    changed: 'Wij hebben uw aanmelding veranderd.',
    cancelledSubject: (t: string) => `U bent afgemeld: ${t}`,
    cancelled:
      'U bent afgemeld. Uw plaats gaat naar iemand op de wachtlijst. Wilt u toch komen? Meld u dan opnieuw aan.',
    reminderSubject: (t: string) => `Herinnering: ${t}`,
    // Not "morgen": before a Monday the reminder goes on Saturday (no mail on Sundays).
    reminder:
      'Wij zien u graag bij deze bijeenkomst. Kunt u toch niet komen? Meld u dan af, dan kan iemand anders uw plaats krijgen.',
    eventCancelledSubject: (t: string) => `Gaat niet door: ${t}`,
    eventCancelled: (reason: string) => `Deze bijeenkomst gaat niet door. De reden: ${reason}`,
    heardSubject: (t: string) => `Wat wij hoorden: ${t}`,
    heard: 'U was aangemeld voor deze bijeenkomst. Dit hebben wij gehoord:',
    didSubject: (t: string) => `Wat wij ermee deden: ${t}`,
    did: 'U was aangemeld voor deze bijeenkomst. Dit hebben wij gedaan met wat wij hoorden:',
    seeAlso: 'Meer lezen:',
    noMore: 'Dit is de laatste e-mail over deze bijeenkomst. Wij wissen nu uw naam en e-mailadres.',
  },
  en: {
    hello: (name: string) => `Dear ${name},`,
    sign: 'Kind regards,\nThe programme office of Samen Nieuw-West',
    linkLine: 'Want to change something or cancel? You can do that here:',
    personal: 'This link is only for you. Do not forward it.',
    when: (w: string) => `When: ${w}`,
    where: (place: string, address: string) => `Where: ${place}, ${address}`,
    people: (n: number) => `You come with ${n} ${n === 1 ? 'person' : 'people'}.`,
    confirmedSubject: (t: string) => `You are registered: ${t}`,
    confirmed: 'There is a place for you. The attachment has the appointment for your calendar.',
    waitingSubject: (t: string) => `You are on the waiting list: ${t}`,
    waiting:
      'All places are taken now. You are on the waiting list. If a place comes free, it is yours and we email you.',
    movedUpSubject: (t: string) => `There is a place for you: ${t}`,
    movedUp: 'A place came free. You are registered now. The attachment has the appointment for your calendar.',
    againSubject: (t: string) => `Your registration: ${t}`,
    again: 'We received another registration with this email address. You were registered already; nothing changed.',
    changedSubject: (t: string) => `Your registration changed: ${t}`,
    changed: 'We changed your registration.',
    cancelledSubject: (t: string) => `You cancelled: ${t}`,
    cancelled:
      'You are no longer registered. Your place goes to someone on the waiting list. Want to come after all? Register again.',
    reminderSubject: (t: string) => `Reminder: ${t}`,
    reminder:
      'We look forward to seeing you at this event. Cannot come after all? Please cancel, so someone else can have your place.',
    eventCancelledSubject: (t: string) => `Cancelled: ${t}`,
    eventCancelled: (reason: string) => `This event will not take place. The reason: ${reason}`,
    heardSubject: (t: string) => `What we heard: ${t}`,
    heard: 'You registered for this event. This is what we heard:',
    didSubject: (t: string) => `What we did with it: ${t}`,
    did: 'You registered for this event. This is what we did with what we heard:',
    seeAlso: 'Read more:',
    noMore: 'This is the last email about this event. We now delete your name and email address.',
  },
} as const;
