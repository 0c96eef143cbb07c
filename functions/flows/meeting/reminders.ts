/** How the meeting cycle checks and words its reminders when the reminder budget sends them (see reminder-kinds.ts). */
import { agendaDeadlineOf } from './meeting';
import { agendaReminderMail, dayBeforeAction, dayBeforeMail, minutesRequestMail } from './views';
import type { MeetingDeps } from './meeting-docs';
import { meetingLink, themeGroupsOf } from './recipients';
import type { ReminderResolver } from '../../engine/reminder-outbox';
import { say, to } from '../reminder-budget';

/** What the meeting reminders need: the meetings, the directory, the link keys. */
export type MeetingReminderDeps = Pick<MeetingDeps, 'meetings' | 'directory' | 'linkKeys' | 'settings' | 'now'>;

export function meetingReminders(deps: MeetingReminderDeps): ReminderResolver {
  return async (entry, person) => {
    const m = await deps.meetings.get(entry.flowId);
    if (!m || m.status !== 'open') return null;
    const link = await meetingLink(deps, m, person.id, entry.detail?.action === 'minutes' ? 'minutes' : 'meeting');
    const lang = person.lang;
    switch (entry.detail?.action) {
      case 'agenda': {
        // Only while the agenda is open and their theme group has still sent nothing.
        const groups = (await themeGroupsOf(deps, m)).filter((g) => g.representatives.includes(person.id));
        const quiet = groups.some(
          (g) => !m.nothingFrom.includes(g.groupId) && !m.items.some((i) => i.groupId === g.groupId),
        );
        if (m.phase !== 'agenda' || !quiet) return null;
        return {
          single: agendaReminderMail(m, to(person), link),
          line: { title: m.title, action: say(lang, 'agenda'), deadline: agendaDeadlineOf(m), url: link },
        };
      }
      case 'day-before':
        // Not after a move (it was queued for the old date), a decline, or the meeting itself.
        if (
          m.phase !== 'invited' ||
          m.declined.includes(person.id) ||
          Date.parse(m.start) <= deps.now().getTime() ||
          (entry.detail?.start && entry.detail.start !== m.start)
        )
          return null;
        // Worded now: held back by the budget to the meeting day, it says "today".
        return {
          single: dayBeforeMail(m, to(person), link, deps.now()),
          line: { title: m.title, action: dayBeforeAction(m, lang, deps.now()), deadline: m.start, url: link },
        };
      case 'minutes':
        if (m.phase !== 'minutes') return null;
        return {
          single: minutesRequestMail(m, to(person), link, true),
          line: { title: m.title, action: say(lang, 'minutes'), deadline: entry.deadline, url: link },
        };
      default:
        return null;
    }
  };
}
