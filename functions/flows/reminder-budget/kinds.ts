/**
 * How each flow checks and words its reminders at the moment the reminder budget sends them.
 * A reminder about something already answered, done or closed is dropped (null); otherwise it
 * gets its flow's own email (when it goes alone) and a line for the combined message.
 */
import type { Person } from '../../engine/directory';
import { followUpSchedule, DEFAULT_LADDER } from '../follow-up';
import { approvalMail, escalationMail, reminderMail, stepName } from '../follow-up';
import { asksPeople, pendingPartners, respondentFor } from '../input-round';
import { inputRequestMail } from '../input-round';
import { pendingApprovers, stageDeadline } from '../approval-round';
import { invitationEmail } from '../approval-round';
import type { Lang } from '../../platform/time';
import { actionDeadline, ownerLink, ownerPeople, stepPeople, type FollowUpDeps } from '../follow-up';
import { answerLink, type InputRoundDeps } from '../input-round';
import type { RoundDeps } from '../approval-round';
import type { ReminderResolver } from '../../engine/reminder-outbox';
import { decisionLink } from '../approval-round';

const actions: Record<Lang, Record<string, string | ((step: string) => string)>> = {
  nl: {
    agenda: 'Stuur een agendapunt, of laat weten dat er niets is',
    'day-before': 'Morgen is de vergadering',
    minutes: 'Maak het verslag',
    round: 'Geef uw besluit',
    remind: 'Laat weten hoe het staat',
    'ask-status': 'Laat weten of het gelukt is',
    approve: 'Beslis of er meer tijd komt',
    input: 'Lever uw bijdrage aan',
    'resident-input': 'Geef uw mening',
    escalated: 'Deze afspraak is niet nagekomen en ligt nu bij u',
    told: (s: string) => `Ter informatie: doorgezet naar ${s}`,
  },
  en: {
    agenda: 'Send an agenda item, or let us know there is nothing',
    'day-before': 'The meeting is tomorrow',
    minutes: 'Write the minutes',
    round: 'Give your decision',
    remind: 'Let us know how it stands',
    'ask-status': 'Let us know whether it is done',
    approve: 'Decide whether more time is given',
    input: 'Deliver your contribution',
    'resident-input': 'Give your opinion',
    escalated: 'This agreement was not kept and now lies with you',
    told: (s: string) => `For your information: passed on to ${s}`,
  },
};
export const say = (lang: Lang, key: string) => actions[lang][key] as string;
export const to = (p: Person) => ({ name: p.name, lang: p.lang });

export function roundReminders(deps: RoundDeps): ReminderResolver {
  return async (entry, person) => {
    const round = await deps.rounds.get(entry.flowId);
    if (!round || round.status !== 'open' || !pendingApprovers(round).includes(person.id)) return null;
    if (entry.detail && (entry.detail.stage !== round.stage || entry.detail.deadline !== stageDeadline(round)))
      return null;
    const link = await decisionLink(deps, round, person.id);
    return {
      single: invitationEmail(round, to(person), link, 'reminder', deps.now()),
      line: { title: round.title, action: say(person.lang, 'round'), deadline: stageDeadline(round), url: link },
    };
  };
}

export function followUpReminders(deps: FollowUpDeps): { 'follow-up': ReminderResolver; escalation: ReminderResolver } {
  const current = async (itemId: string, actionKey?: string) => {
    const item = await deps.items.get(itemId);
    // A new due date, an answer or completion makes the queued action obsolete.
    const action = item && followUpSchedule(item, DEFAULT_LADDER).find((a) => a.key === actionKey);
    return item && action ? { item, action } : null;
  };
  return {
    'follow-up': async (entry, person) => {
      const found = await current(entry.flowId, entry.detail?.action);
      if (!found || found.action.kind === 'escalate') return null;
      const { item, action } = found;
      if (action.kind === 'approval-reminder') {
        // Only while the one who should decide is still the project leader.
        if (!(await stepPeople(deps, item, 'project-leader')).some((p) => p.id === person.id)) return null;
        const link = await ownerLink(deps, item, person.id, 'item-approval');
        const line = {
          title: item.what,
          action: say(person.lang, 'approve'),
          deadline: actionDeadline(item, action),
          url: link,
        };
        return { single: approvalMail(item, to(person), link, true), line };
      }
      // A partner may have changed its contact since: only who answers for the item now is reminded.
      if (!(await ownerPeople(deps, item)).some((p) => p.id === person.id)) return null;
      const link = await ownerLink(deps, item, person.id, 'item');
      return {
        single: reminderMail(item, to(person), link, action.kind, deps.now()),
        line: {
          title: item.what,
          action: say(person.lang, action.kind),
          deadline: actionDeadline(item, action),
          url: link,
        },
      };
    },
    escalation: async (entry, person) => {
      const found = await current(entry.flowId, entry.detail?.action);
      if (!found || found.action.kind !== 'escalate') return null;
      const { item, action } = found;
      const told = entry.detail?.told === 'yes';
      const words = told
        ? (actions[person.lang].told as (s: string) => string)(stepName[person.lang][action.step])
        : say(person.lang, action.approval ? 'approve' : 'escalated');
      // Whom a request for more time now reaches may decide on it with one click.
      const link = action.approval && !told ? await ownerLink(deps, item, person.id, 'item-approval') : undefined;
      const line = {
        title: item.what,
        action: words,
        deadline: actionDeadline(item, action),
        ...(link ? { url: link } : {}),
      };
      return { single: escalationMail(item, to(person), action.step, told, link), line };
    },
  };
}

export function inputReminders(deps: InputRoundDeps): ReminderResolver {
  return async (entry, person) => {
    const round = await deps.inputs.get(entry.flowId);
    if (!round || round.status !== 'open' || Date.parse(round.deadline) <= deps.now().getTime()) return null;
    // Only for a partner, or a person, still without an answer.
    const respondent = await respondentFor(deps, round, person.id, pendingPartners(round));
    if (!respondent) return null;
    const link = await answerLink(deps, round, person.id);
    const action = say(person.lang, asksPeople(round) ? 'resident-input' : 'input');
    return {
      single: inputRequestMail(round, to(person), respondent.orgName ?? '', link, 'remind', deps.now()),
      line: { title: round.title, action, deadline: round.deadline, url: link },
    };
  };
}
