/**
 * What follows the minutes: the review to the members, the chair's decision, the secretary's second
 * round, and the publication of adopted minutes with their action items as tracked follow-ups.
 */
import { sendOnceVia } from '../../engine/mail-ledger';
import { ConflictError, ValidationError } from '../../platform/errors';
import { formatDateTime } from '../../platform/time';
import { createFollowUp } from '../follow-up';
import { publicMinutesLines } from '../public-page';
import type { Meeting } from './meeting';
import type { MeetingDeps } from './meeting-docs';
import { mutateMeeting } from './meeting-docs';
import { settleActionDates } from './minutes';
import { meetingLink, membersOf, themeGroupsOf } from './recipients';
import { chairReviewMail, minutesRequestMail, publishedMail, reviewMail } from './views';

/**
 * What the meeting's phase asks for, whoever changed it (a page or a moment): the review to the
 * members, the chair's decision, the secretary's second round, the publication. Each is keyed to
 * its round, so a repeated step sends nothing twice.
 */
export async function followPhase(deps: MeetingDeps, m: Meeting): Promise<void> {
  if (m.phase === 'review') await sendReview(deps, m);
  if (m.phase === 'chair-review') {
    const chair = await deps.directory.getPerson(m.chairId);
    if (chair)
      await sendOnceVia(deps, deps.meetings, m.id, `chair-review:${m.reviewEndsAt}`, chair, 'notice', async () =>
        chairReviewMail(m, { name: chair.name, lang: chair.lang }, await meetingLink(deps, m, chair.id, 'chair')),
      );
  }
  if (m.phase === 'minutes' && m.minutesRound) {
    const secretary = await deps.directory.getPerson(m.secretaryId);
    if (secretary)
      await sendOnceVia(deps, deps.meetings, m.id, `minutes-again:${m.minutesRound}`, secretary, 'notice', async () =>
        minutesRequestMail(
          m,
          { name: secretary.name, lang: secretary.lang },
          await meetingLink(deps, m, secretary.id, 'minutes'),
          false,
        ),
      );
  }
  if (m.phase === 'adopted') await publish(deps, m);
}

/** The draft went to review: every member may object. */
export async function sendReview(deps: MeetingDeps, m: Meeting): Promise<void> {
  for (const p of await membersOf(deps, m))
    await sendOnceVia(deps, deps.meetings, m.id, `review:${m.reviewEndsAt}:${p.id}`, p, 'notice', async () =>
      reviewMail(m, { name: p.name, lang: p.lang }, await meetingLink(deps, m, p.id, 'meeting')),
    );
}

/**
 * Terugkoppeling: the public minutes to the body's members and, for a kerngroep, to every member
 * of the theme groups; each action item becomes a tracked follow-up. Safe to repeat.
 */
async function publish(deps: MeetingDeps, adopted: Meeting): Promise<void> {
  // Dates settled first, so that the emails, the public page and the action items all say the same.
  const settled = await mutateMeeting(deps, adopted.id, (x) => {
    const next = settleActionDates(x);
    return next === x ? null : next;
  });
  // Settled already (by the page or the workflow, whichever came first): the same dates, worked out again.
  const m = settled?.after ?? settleActionDates(adopted);
  const [people, orgs] = await Promise.all([deps.directory.listPeople(), deps.directory.listOrganisations()]);
  const groups = await themeGroupsOf(deps, m);
  const groupMembers = (await Promise.all(groups.map((g) => deps.directory.getBody(g.groupId)))).flatMap(
    (b) => b?.members.map((x) => x.personId) ?? [],
  );
  // The body's and its theme groups' members, and residents who asked for this body's minutes.
  const subscribers = people.filter((p) => p.subscribedBodyIds?.includes(m.bodyId)).map((p) => p.id);
  const readers = (
    await deps.directory.getPeople([...(await membersOf(deps, m)).map((p) => p.id), ...groupMembers, ...subscribers])
  ).filter((p) => p.active && p.email);
  const url = `${deps.settings.publicBaseUrl}/p/${m.bodyId}`;
  for (const p of readers) {
    await sendOnceVia(deps, deps.meetings, m.id, `published:${p.id}`, p, 'notice', async () =>
      publishedMail(m, { name: p.name, lang: p.lang }, url, publicMinutesLines(m, people, orgs, p.lang)),
    );
  }
  for (const [i, a] of (m.minutes?.actionItems ?? []).entries()) {
    // A fixed id per action item: a repeated step finds it made (and its workflow started) instead of making another.
    const id = `f-${m.id}-a${i}`;
    // A date moved at the adoption (see settleActionDates) is on the item's record, with the reason.
    const at = m.adoptedAt ?? deps.now().toISOString();
    const history = a.dueInMinutes
      ? [{ from: a.dueInMinutes, to: a.due, at, reason: movedReason(a.dueInMinutes) }]
      : [];
    try {
      await createFollowUp(
        deps.followUps,
        {
          what: a.what,
          origin: { kind: 'meeting', ref: m.id },
          ownerPersonId: a.ownerPersonId,
          ownerOrganisationId: a.ownerOrganisationId,
          due: a.due,
          bodyId: m.bodyId,
        },
        'system',
        { id, dueHistory: history },
      );
    } catch (err) {
      if (err instanceof ConflictError) await deps.followUps.workflow.startFollowUp(id);
      else if (err instanceof ValidationError) {
        // The owner left meanwhile: on record, and the office sees it in the meeting's timeline.
        await deps.meetings.appendAudit(m.id, {
          key: `action-failed:${i}`,
          at: deps.now().toISOString(),
          kind: 'action-item-failed',
          actor: 'system',
          details: { what: a.what, fields: err.fields },
        });
        continue;
      } else throw err;
    }
    await deps.meetings.appendAudit(m.id, {
      key: `action:${i}`,
      at: deps.now().toISOString(),
      kind: 'action-item',
      actor: 'system',
      details: { followUp: id },
    });
  }
}

const movedReason = (from: string) =>
  `In het verslag stond ${formatDateTime(from, 'nl')}. ` +
  'Die datum was al voorbij of te dichtbij toen het verslag werd vastgesteld.';
