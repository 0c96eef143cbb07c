/**
 * The documents on a meeting's page: each agenda line's files and the presentations that go with the
 * minutes, each opened through the person's own meeting link (`/m/{token}/documents/{id}`, the
 * documents flow), never through a lasting public address.
 */
import type { Lang } from '../../platform/time';
import { agendaOf } from './agenda';
import type { Meeting } from './meeting';
import { meetingWords } from './texts';

export interface MeetingFile {
  part: string;
  name: string;
  href: string;
}

const words = {
  nl: { documents: 'Stukken', minutes: 'Verslag en presentaties', add: 'Presentaties bij het verslag toevoegen' },
  en: { documents: 'Documents', minutes: 'Minutes and presentations', add: 'Add presentations to the minutes' },
};

/** `addHref`: for the secretary, where they add the presentations that go with the minutes. */
export function MeetingFiles(p: { meeting: Meeting; files: MeetingFile[]; lang: Lang; addHref?: string }) {
  const w = words[p.lang];
  const add = p.addHref ? (
    <p>
      <a href={p.addHref}>{w.add}</a>
    </p>
  ) : null;
  if (p.files.length === 0) return add;
  const standing = meetingWords[p.lang].standing;
  const lines = [
    ...agendaOf(p.meeting).map((l) => ({ part: `item-${l.id}`, title: l.item?.title ?? standing[l.standing ?? ''] })),
    { part: 'minutes', title: w.minutes },
  ].filter((l) => p.files.some((f) => f.part === l.part));
  return (
    <>
      <h2>{w.documents}</h2>
      <ul>
        {lines.map((l) => (
          <li>
            {l.title}
            <ul>
              {p.files
                .filter((f) => f.part === l.part)
                .map((f) => (
                  <li>
                    <a href={f.href} rel="noreferrer">
                      {f.name}
                    </a>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      {add}
    </>
  );
}
