import { describe, expect, it } from 'vitest';
import { loadTemplates, PHASE_KINDS, TemplateError, templateProblems } from '../../../functions/flows/cycle';
import spuk from '../../../functions/flows/cycle/templates/spuk-application.json' with { type: 'json' };

/** A phase as a test may break it: any field may be set or taken away. */
interface TinyPhase {
  key: string;
  kind: string;
  role: string;
  title?: { nl: string; en: string };
  start: { after?: string[]; on?: { anchor: string; offset: string; time?: string }; when?: string };
  due: { anchor?: string; offset?: string; afterStart?: string; time?: string };
  [field: string]: unknown;
}

/** A small sound template; each case below breaks one thing in a copy. */
const sound = (): {
  id: string;
  anchors: { key: string; name: object }[];
  phases: TinyPhase[];
  [f: string]: unknown;
} => ({
  id: 'tiny',
  name: { nl: 'Klein', en: 'Tiny' },
  description: { nl: 'Een klein sjabloon.', en: 'A tiny template.' },
  anchors: [{ key: 'boardMeeting', name: { nl: 'Vergadering', en: 'Meeting' } }],
  phases: [
    {
      key: 'draft',
      kind: 'task',
      role: 'programmeTeam',
      title: { nl: 'Concept', en: 'Draft' },
      start: { on: { anchor: 'boardMeeting', offset: '-P28D' } },
      due: { anchor: 'boardMeeting', offset: '-P14D', time: '17:00' },
    },
    {
      key: 'approval',
      kind: 'approvalRound',
      role: 'board',
      title: { nl: 'Besluit', en: 'Decision' },
      start: { after: ['draft'] },
      due: { anchor: 'boardMeeting', offset: 'P0D' },
    },
  ],
});

describe('cycle templates', () => {
  it('loads the four shipped templates, each with its anchors and phases of the known kinds', () => {
    const all = loadTemplates();
    expect([...all.keys()]).toEqual([
      'spuk-application',
      'yearly-budget',
      'half-yearly-advice',
      'actielijn-monitoring',
    ]);
    for (const t of all.values()) for (const p of t.phases) expect(PHASE_KINDS).toContain(p.kind);
    const s = all.get('spuk-application')!;
    expect(s.anchors.map((a) => a.key)).toEqual(['boardMeeting', 'ministryDeadline']);
    expect(s.phases.map((p) => `${p.key}:${p.kind}:${p.role}`)).toEqual([
      'kickOff:task:programmeTeam',
      'partnerContributions:inputRound:partners',
      'residentInput:residentInput:residents',
      'draft:task:programmeTeam',
      'review:consentRound:kerngroep',
      'boardAgenda:agendaItem:board',
      'boardApproval:approvalRound:board',
      'submission:task:submitter',
      'award:task:programmeTeam',
      'publicUpdate:publication:programmeTeam',
    ]);
    expect(all.get('actielijn-monitoring')!.phases[0].asks!.map((a) => a.key)).toEqual([
      'status',
      'done',
      'next',
      'risks',
    ]);
  });

  it('finds nothing wrong with a sound template', () => {
    expect(templateProblems(sound(), 'tiny.json')).toEqual([]);
  });

  const broken: [string, (t: ReturnType<typeof sound>) => void, string][] = [
    [
      'an unknown kind',
      (t) => void (t.phases[1].kind = 'vote'),
      'template "tiny", phase "approval", kind: must be one of',
    ],
    [
      'an unknown role',
      (t) => void (t.phases[0].role = 'mayor'),
      'template "tiny", phase "draft", role: must be one of',
    ],
    [
      'a missing title',
      (t) => void delete (t.phases[0] as { title?: unknown }).title,
      'phase "draft", title: is required',
    ],
    ['an unknown field', (t) => void (t.phases[0].owner = 'x'), 'phase "draft", owner: is not a known field'],
    [
      'a duration that is none',
      (t) => void (t.phases[0].start.on!.offset = '28D'),
      'phase "draft", start.on.offset: use an ISO-8601 duration',
    ],
    [
      'a start counted backwards',
      (t) => void (t.phases[1].due = { afterStart: '-P1D' }),
      'phase "approval", due.afterStart: use an ISO-8601 duration such as P14D, not negative',
    ],
    [
      'a repeat of nothing',
      (t) => void (t.phases[0].repeat = { every: 'P0D' }),
      'phase "draft", repeat.every: use an ISO-8601 duration such as P14D, not negative',
    ],
    [
      'a time that is none',
      (t) => void (t.phases[0].due.time = '25:00'),
      'phase "draft", due.time: use a time such as 17:00',
    ],
    [
      'no start at all',
      (t) => void (t.phases[0].start = {}),
      'phase "draft", start: give after (phases it waits for), on (a date), or both',
    ],
    [
      'a gate and a date without when',
      (t) => void (t.phases[1].start = { after: ['draft'], on: t.phases[0].start.on }),
      'phase "approval", start: with both after and on, say when: first or last',
    ],
    [
      'a bad id',
      (t) => void (t.id = 'Tiny Template'),
      'template "Tiny Template", id: use an id such as spuk-application',
    ],
    ['no phases', (t) => void (t.phases = []), 'template "tiny", phases: must have at least 1 item'],
    [
      'a phase key twice',
      (t) => void (t.phases[1].key = 'draft'),
      'template "tiny", phase "draft": this key is used by an earlier phase',
    ],
    [
      'a gate on a later phase',
      (t) => void (t.phases[0].start = { after: ['approval'] }),
      'template "tiny", phase "draft": waits for "approval", which is not an earlier phase',
    ],
    [
      'a gate on itself',
      (t) => void (t.phases[1].start = { after: ['approval'] }),
      'phase "approval": waits for "approval", which is not an earlier phase',
    ],
    [
      'a gate on an unknown phase',
      (t) => void (t.phases[1].start = { after: ['drfat'] }),
      'phase "approval": waits for "drfat", which is not an earlier phase',
    ],
    [
      'a gate on a repeat',
      (t) => void (t.phases[0].repeat = { every: 'P1M' }),
      'phase "approval": waits for "draft", which repeats',
    ],
    [
      'an undeclared anchor',
      (t) => void (t.phases[1].due = { anchor: 'ministryDeadline', offset: 'P0D' }),
      'phase "approval": uses anchor "ministryDeadline", which the template does not declare',
    ],
    [
      'an anchor twice',
      (t) => void t.anchors.push(t.anchors[0]),
      'template "tiny": anchor "boardMeeting" is declared twice',
    ],
  ];
  it.each(broken)('names the template and phase for %s', (_what, breakIt, message) => {
    const t = sound();
    breakIt(t);
    const problems = templateProblems(t, 'tiny.json');
    expect(problems.join('\n')).toContain(message);
    expect(() => loadTemplates([t])).toThrow(TemplateError);
  });

  it('refuses two templates with one id, and reports every problem at once', () => {
    expect(() => loadTemplates([sound(), sound()])).toThrow('template "tiny": another template has this id');
    const bad = {
      ...spuk,
      phases: [...spuk.phases, { ...spuk.phases[0] }, { ...spuk.phases[3], key: 'late', start: { after: ['never'] } }],
    };
    try {
      loadTemplates([bad]);
      expect.unreachable();
    } catch (err) {
      expect((err as TemplateError).problems).toEqual([
        'template "spuk-application", phase "kickOff": this key is used by an earlier phase; each phase needs its own',
        'template "spuk-application", phase "late": waits for "never", which is not an earlier phase',
      ]);
    }
  });

  it('names a template by its place in the list before its id is known', () => {
    expect(templateProblems({}, '#3')[0]).toBe('template "#3", id: is required');
  });
});
