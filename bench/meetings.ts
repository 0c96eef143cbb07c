/** A year of monthly kerngroep meetings with ten theme groups, on the moved clock: the whole cycle each month. */
import { DateTime } from 'luxon';
import type { Harness } from '../test/support/local';
import { addPeople, rows } from './common';

export async function meetingYear(h: Harness) {
  const { DynamoDirectory } = await import('../functions/engine/directory-store');
  const directory = new DynamoDirectory('alliance-cycle');
  const reps = await addPeople(10, 'bench-rep');
  for (const [i, rep] of reps.entries()) {
    await directory.put('body', {
      id: `bench-theme-${i}`,
      name: `Themagroep ${i}`,
      kind: 'theme-group',
      members: [
        { personId: rep.id, role: 'representative', voting: true },
        ...(await addPeople(3, `bench-theme-${i}-member`)).map((p) => ({
          personId: p.id,
          role: 'member' as const,
          voting: true,
        })),
      ],
    });
  }
  const [chair, secretary] = await addPeople(2, 'bench-officer');
  await directory.put('body', {
    id: 'bench-kerngroep',
    name: 'Kerngroep Bench',
    kind: 'core-group',
    members: [
      { personId: chair.id, role: 'chair', voting: false },
      ...reps.map((r, i) => ({
        personId: r.id,
        role: 'representative' as const,
        voting: true,
        representsBodyId: `bench-theme-${i}`,
      })),
    ],
  });
  const startsOn = DateTime.fromJSDate(h.rt.clock.now()).setZone('Europe/Amsterdam').plus({ days: 1 }).toISODate()!;
  const before = (await h.mail()).length;
  const t = performance.now();
  const series = await h.api('POST', '/api/meeting-series', {
    bodyId: 'bench-kerngroep',
    title: 'Kerngroep Bench',
    rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
    startsOn,
    startTime: '19:00',
    durationMinutes: 120,
    chairId: chair.id,
    secretaryId: secretary.id,
  });
  if (series.status !== 201) throw new Error(`series not created: ${series.status}`);
  const proof = async (link: string) => /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];
  const link = (text: string) => /https?:\/\/\S+\/m\/[A-Za-z0-9_.-]+/.exec(text)![0];
  const ids: string[] = [];
  for (let month = 0; month < 12; month++) {
    // Each month: two theme groups send an item after the call, the secretary writes the minutes after the meeting.
    const detail = (await h.api('GET', `/api/meeting-series/${series.body.id}`)).body;
    const next = detail.meetings.find(
      (m: { phase: string | null; status: string; start: string }) =>
        m.status !== 'cancelled' && Date.parse(m.start) > h.rt.clock.now().getTime(),
    );
    const start = Date.parse(next.start);
    ids.push(next.id);
    const callSent = start - 10 * 86400_000;
    if (callSent > h.rt.clock.now().getTime()) await h.to(new Date(callSent));
    // The call names the meeting's date in its subject ("… van dinsdag 12 januari 2027 om 19:00 uur").
    const date = DateTime.fromMillis(start).setZone('Europe/Amsterdam').setLocale('nl').toFormat('d LLLL yyyy');
    const callsNow = async () =>
      (await h.mail()).filter(
        (m) => m.subject.startsWith('Agendapunten voor Kerngroep Bench') && m.subject.includes(date),
      );
    // A call planned for a moment already past goes at once, at each person's own moment in the quarter
    // past the budget's hour (reminder-budget.ts, SPREAD_MINUTES): look again a quarter later, up to 5 times.
    let calls = await callsNow();
    for (let i = 0; calls.length < 2 && i < 5; i++) {
      await h.to(new Date(h.rt.clock.now().getTime() + 15 * 60_000));
      calls = await callsNow();
    }
    if (calls.length < 2)
      throw new Error(`meeting of ${date}: ${calls.length} calls for agenda items, expected 2 or more`);
    for (const call of calls.slice(0, 2)) {
      const l = link(call.text);
      const sent = await h.post(l, {
        proof: await proof(l),
        action: 'item',
        title: `Punt van ${call.to}`,
        ask: 'discuss',
      });
      if (sent.status !== 200) throw new Error(`meeting of ${date}: agenda item not sent (${sent.status})`);
    }
    await h.to(new Date(start + 3 * 3600_000));
    const ask = (await h.mailTo(secretary.email, 'Verslag van Kerngroep Bench')).at(-1)!;
    const l = link(ask.text);
    const form = (await h.open(l)).html;
    const fields = Object.fromEntries([...form.matchAll(/name="(summary\.[^"]+)"/g)].map((x) => [x[1], 'Besproken']));
    await h.post(l, {
      proof: /name="proof" value="([^"]+)"/.exec(form)![1],
      action: 'minutes',
      ...fields,
      decisions: 'Geen',
    });
  }
  await h.advance('P7D');
  const wall = performance.now() - t;
  const mails = (await h.mail()).length - before;
  const meetings = await Promise.all(ids.map(async (id) => (await h.api('GET', `/api/meetings/${id}`)).body));
  const adopted = meetings.filter((m) => m.phase === 'adopted').length;
  const items = meetings.reduce((n, m) => n + (m.items?.length ?? 0), 0);
  // The row says what the year did: fail loudly when it did less.
  if (adopted !== ids.length || items !== 2 * ids.length)
    throw new Error(
      `year of meetings: ${adopted} of ${ids.length} adopted, ${items} agenda items (expected ${2 * ids.length})`,
    );
  rows.push([
    'a year of 12 kerngroep meetings, 10 theme groups',
    `${(wall / 1000).toFixed(1)} s`,
    '',
    `≤ 10 s; ${items} agenda items sent, ${adopted} of ${ids.length} meetings with adopted minutes; ` +
      `${mails} emails, ${(mails / ids.length).toFixed(0)} per meeting`,
    wall <= 10_000 ? 'pass' : 'FAIL',
  ]);
}
