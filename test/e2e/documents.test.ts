/**
 * Documents end to end on the local runtime, with s3rver as S3: the office API prepares an upload,
 * the file goes to S3 with the presigned form, the check after upload accepts or refuses it; a
 * member opens an accepted file through their own decision link and gets the very bytes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
let roundId: string;
beforeAll(async () => {
  h = await Harness.start();
  const res = await h.api('POST', '/api/rounds', {
    title: 'Stukken bij de aanvraag',
    summary: 'Gaat u akkoord?',
    bodyId: 'alliantiebestuur',
    rule: { type: 'majority' },
    deadline: '2026-11-20T17:00:00+01:00',
    reminders: [],
  });
  expect(res.status).toBe(201);
  roundId = res.body.id;
  await h.rt.whenIdle();
}, 60_000);
afterAll(() => h.stop());

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** What an API client does: ask for a form, post the file to S3 with it, confirm with the ticket. */
async function upload(opts: {
  bytes: Buffer;
  contentType: string;
  declaredType?: string;
  /** What the client says; a client may lie, the check after upload holds. */
  declaredSize?: number;
  name: string;
  owner?: Record<string, string>;
}) {
  const prepared = await h.api('POST', '/api/documents/uploads', {
    ownerKind: 'round',
    ownerId: roundId,
    contentType: opts.declaredType ?? opts.contentType,
    size: opts.declaredSize ?? opts.bytes.length,
    ...opts.owner,
  });
  if (prepared.status !== 201) return { prepared, confirmed: undefined };
  const { url, fields } = prepared.body.upload;
  const form = new FormData();
  for (const [k, v] of Object.entries(fields as Record<string, string>)) form.append(k, v);
  form.append('Content-Type', opts.contentType);
  form.append('x-amz-meta-filename', encodeURIComponent(opts.name));
  form.append('file', new Blob([new Uint8Array(opts.bytes)]), 'upload');
  const s3 = await fetch(url, { method: 'POST', body: form });
  expect(s3.status).toBe(201);
  const confirmed = await h.api('POST', '/api/documents/confirm', { ticket: prepared.body.ticket });
  return { prepared, confirmed };
}

const list = async () => (await h.api('GET', `/api/documents?ownerKind=round&ownerId=${roundId}`)).body.documents;

describe('uploading documents', () => {
  it('keeps a PDF under a safe name and lists it; a name with path characters loses them', async () => {
    const { confirmed } = await upload({
      bytes: PDF,
      contentType: 'application/pdf',
      name: '../../etc/Begroting "2027"\u0000.pdf',
    });
    expect(confirmed?.status).toBe(201);
    const doc = confirmed!.body.document;
    expect(doc).toMatchObject({ fileName: 'Begroting 2027.pdf', contentType: 'application/pdf', size: PDF.length });
    expect(doc.key).toBe(`documents/round/${roundId}/main/${doc.id}`);
    expect((await list()).map((d: { id: string }) => d.id)).toContain(doc.id);
  });

  it('refuses a type off the allow-list and a declared size over 25 MB before anything is sent', async () => {
    const exe = await upload({
      bytes: Buffer.from('MZ\x90\x00'),
      contentType: 'application/x-msdownload',
      name: 'a.exe',
    });
    expect(exe.prepared.status).toBe(400);
    expect(exe.prepared.body.fields.contentType).toMatch(/must be one of/);
    const big = await h.api('POST', '/api/documents/uploads', {
      ownerKind: 'round',
      ownerId: roundId,
      contentType: 'application/pdf',
      size: 25 * 1024 * 1024 + 1,
    });
    expect(big.status).toBe(400);
    expect(big.body.fields.size).toMatch(/25 MB/);
  });

  it('refuses, and deletes, a file whose bytes are not its type, one of another type than declared, and one over 25 MB', async () => {
    const before = (await list()).length;
    const fake = await upload({
      bytes: Buffer.from('MZ this is a program'),
      contentType: 'application/pdf',
      name: 'x.pdf',
    });
    expect(fake.confirmed?.status).toBe(400);
    expect(fake.confirmed?.body.reason).toBe('bytes');
    // The form allows any Content-Type; what S3 stored is what is checked.
    const html = await upload({
      bytes: Buffer.from('<html>'),
      contentType: 'text/html',
      declaredType: 'application/pdf',
      name: 'x.html',
    });
    expect(html.confirmed?.body.reason).toBe('type');
    const huge = Buffer.alloc(25 * 1024 * 1024 + 1, 0x20);
    PDF.copy(huge);
    const tooBig = await upload({ bytes: huge, contentType: 'application/pdf', declaredSize: 1000, name: 'groot.pdf' });
    expect(tooBig.confirmed?.body.reason).toBe('too-big');
    expect((await list()).length).toBe(before);
    // Refused files are gone from S3 too: confirming again finds nothing.
    const again = await h.api('POST', '/api/documents/confirm', { ticket: fake.prepared.body.ticket });
    expect(again.body.reason).toBe('missing');
  }, 60_000);

  it('refuses a tampered ticket and an owner that does not exist', async () => {
    const { prepared } = await upload({ bytes: PDF, contentType: 'application/pdf', name: 'a.pdf' });
    const t: string = prepared.body.ticket;
    const tampered = await h.api('POST', '/api/documents/confirm', { ticket: `${t.slice(0, -2)}AA` });
    expect(tampered.status).toBe(400);
    const missing = await h.api('POST', '/api/documents/uploads', {
      ownerKind: 'round',
      ownerId: 'no-such-round',
      contentType: 'application/pdf',
      size: 10,
    });
    expect(missing.status).toBe(404);
    const badPart = await h.api('POST', '/api/documents/uploads', {
      ownerKind: 'round',
      ownerId: roundId,
      part: 'minutes',
      contentType: 'application/pdf',
      size: 10,
    });
    expect(badPart.status).toBe(400);
  });
});

describe("opening a document through a member's link", () => {
  it('lists the file on the decision page and sends the member to a short-lived S3 link with the bytes', async () => {
    const { confirmed } = await upload({ bytes: PDF, contentType: 'application/pdf', name: 'Concept-aanvraag é.pdf' });
    const doc = confirmed!.body.document;
    const invitation = (await h.mailTo('ria.jansen@example.org', 'Stukken bij de aanvraag'))[0];
    const link = Harness.link(invitation);
    const page = await h.open(link);
    expect(page.html).toContain('Concept-aanvraag é.pdf');
    const href = `${new URL(link).pathname}/documents/${doc.id}`;
    expect(page.html).toContain(`href="${href}"`);
    const res = await fetch(`${h.rt.urls.app}${href}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const s3Url = res.headers.get('location')!;
    expect(s3Url.startsWith(h.rt.urls.s3)).toBe(true);
    expect(new URL(s3Url).searchParams.get('X-Amz-Expires')).toBe('300');
    const file = await fetch(s3Url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `inline; filename="Concept-aanvraag e.pdf"; filename*=UTF-8''Concept-aanvraag%20%C3%A9.pdf`,
    );
  });

  it('answers a wrong link or a document of another round as an unknown link', async () => {
    const [doc] = await list();
    const link = Harness.link((await h.mailTo('ria.jansen@example.org', 'Stukken bij de aanvraag'))[0]);
    const path = new URL(link).pathname;
    const wrong = await fetch(`${h.rt.urls.app}${path.slice(0, -3)}abc/documents/${doc.id}`, { redirect: 'manual' });
    expect(wrong.status).toBe(404);
    const other = await fetch(`${h.rt.urls.app}${path}/documents/not-a-document`, { redirect: 'manual' });
    expect(other.status).toBe(404);
    const odd = await fetch(`${h.rt.urls.app}${path}/documents/..%2F..%2Fx`, { redirect: 'manual' });
    expect(odd.status).toBe(404);
  });
});

describe("a meeting's documents through a member's meeting link", () => {
  it('lists the file under its agenda line on the meeting page and opens it from S3', async () => {
    const series = await h.api('POST', '/api/meeting-series', {
      bodyId: 'alliantiebestuur',
      title: 'Bestuursoverleg',
      rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=2',
      startsOn: '2026-11-03',
      startTime: '19:00',
      durationMinutes: 120,
      chairId: 'p-anouk-de-vries',
      secretaryId: 'p-pieter-van-leeuwen',
    });
    expect(series.status).toBe(201);
    await h.rt.whenIdle();
    const meetingId = (await h.api('GET', `/api/meeting-series/${series.body.id}`)).body.meetings[0].id;
    const { confirmed } = await upload({
      bytes: PDF,
      contentType: 'application/pdf',
      name: 'Jaarplan.pdf',
      owner: { ownerKind: 'meeting', ownerId: meetingId, part: 'item-action-items' },
    });
    expect(confirmed?.status).toBe(201);
    const mails = await h.mailTo('ria.jansen@example.org', 'Bestuursoverleg');
    const link = mails.map((m) => /https?:\/\/\S+\/m\/[A-Za-z0-9_.-]+/.exec(m.text)?.[0]).find(Boolean)!;
    expect(link).toBeDefined();
    const page = await h.open(link);
    expect(page.html).toContain('Stukken');
    expect(page.html).toContain('Actiepunten: wat is er gedaan?');
    const href = /href="(\/m\/[^"]+\/documents\/[^"]+)"/.exec(page.html)?.[1];
    const file = await fetch(`${h.rt.urls.app}${href}`);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    const wrong = await fetch(`${h.rt.urls.app}${href!.replace('/m/', '/m/x')}`, { redirect: 'manual' });
    expect(wrong.status).toBe(404);
    // A member's link adds nothing: only the secretary's minutes link has the page to add files.
    expect((await fetch(`${link}/documents`)).status).toBe(404);
    meetingTitle = 'Bestuursoverleg';
  });

  it('lets the secretary add a presentation to the minutes through their own minutes link', async () => {
    await h.to('2026-11-11T08:00:00Z');
    const ask = (await h.mailTo('pieter.van.leeuwen@example.org', `Verslag van ${meetingTitle}`))[0];
    const link = /https?:\/\/\S+\/m\/[A-Za-z0-9_.-]+/.exec(ask.text)![0];
    expect((await h.open(link)).html).toContain(`href="${new URL(link).pathname}/documents"`);
    const after = await postFormOf(`${link}/documents`, 'Presentatie buurtbudget.pdf');
    expect(after).toContain('Dank u. Het bestand is toegevoegd.');
    expect(after).toContain('Presentatie buurtbudget.pdf');
  });
});

let meetingTitle = '';

/** What a browser does with a link page's upload form: its hidden fields, the kind, the file; S3 sends it back. */
async function postFormOf(pageUrl: string, name: string) {
  const page = await h.open(pageUrl);
  expect(page.status).toBe(200);
  const action = /<form method="post" action="([^"]+)"/.exec(page.html)![1];
  const form = new FormData();
  for (const [, field, value] of page.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    form.append(field, field === 'x-amz-meta-filename' ? encodeURIComponent(name) : value.replaceAll('&amp;', '&'));
  form.append('Content-Type', 'application/pdf');
  form.append('file', new Blob([new Uint8Array(PDF)]), 'x.pdf');
  const back = await fetch(action, { method: 'POST', body: form });
  expect(back.status).toBe(200);
  return back.text();
}

describe('a partner delivers a file in an input round, through their own link', () => {
  it("uploads with the page's form, sees it delivered, and the office lists it under the partner", async () => {
    const res = await h.api('POST', '/api/input-rounds', {
      title: 'Jaarverslag partners',
      request: 'Stuur uw jaarverslag 2026.',
      organisationIds: ['woon', 'ondersteboven'],
      deadline: '2026-11-20T17:00:00+01:00',
      reminders: [],
      bodyId: 'alliantiebestuur',
    });
    expect(res.status).toBe(201);
    await h.rt.whenIdle();
    const mail = (await h.mailTo('ruben.kok@example.org', 'Gevraagd: Jaarverslag partners'))[0];
    const link = /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(mail.text)![0];
    expect((await h.open(link)).html).toContain(`href="${new URL(link).pathname}/documents"`);
    // S3 sends the browser back to the partner's page, which keeps the file.
    const after = await postFormOf(`${link}/documents`, 'Jaarverslag Woon.pdf');
    expect(after).toContain('Dank u. Het bestand is aangekomen.');
    expect(after).toContain('Jaarverslag Woon.pdf');
    const listed = await h.api('GET', `/api/documents?ownerKind=input-round&ownerId=${res.body.id}`);
    expect(listed.body.documents).toHaveLength(1);
    expect(listed.body.documents[0].owner.part).toBe('org-woon');
    // Another partner's link does not open Woon's file.
    const other = (await h.mailTo('yusuf.demir@example.org', 'Gevraagd: Jaarverslag partners'))[0];
    const otherLink = /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(other.text)![0];
    const foreign = await fetch(`${otherLink}/documents/${listed.body.documents[0].id}`, { redirect: 'manual' });
    expect(foreign.status).toBe(404);
    const own = await fetch(`${link}/documents/${listed.body.documents[0].id}`);
    expect(Buffer.from(await own.arrayBuffer()).equals(PDF)).toBe(true);
  });
});
