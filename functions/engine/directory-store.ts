/**
 * People, bodies and organisations in DynamoDB. Access patterns:
 * - get one: GetItem <TYPE>#<id>
 * - get many people: BatchGetItem (100 keys a call, unprocessed keys retried)
 * - list each kind by name: Query gsi1 PEOPLE | BODIES | ORGS
 * - one page of a kind by name: the same query with a Limit, from a cursor's key (engine/doc-pages.ts)
 * - write (demo data, erasure, the console): PutItem
 * - a person's own settings (language, reminders): UpdateItem if active and unchanged since the form
 */
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Body, Organisation, Person } from './directory';
import { dynamo } from '../platform/clients';
import type { Directory } from './ports';
import type { Preferences } from './preferences';
import { queryAll, writeIf } from '../platform/table';

export const KINDS = {
  person: { prefix: 'PERSON', list: 'PEOPLE' },
  body: { prefix: 'BODY', list: 'BODIES' },
  org: { prefix: 'ORG', list: 'ORGS' },
} as const;
export type Kind = keyof typeof KINDS;

const key = (kind: Kind, id: string) => ({ pk: `${KINDS[kind].prefix}#${id}`, sk: KINDS[kind].prefix });

export class DynamoDirectory implements Directory {
  constructor(private readonly table: string) {}

  private async getOne<T>(kind: Kind, id: string): Promise<T | null> {
    const res = await dynamo.send(new GetCommand({ TableName: this.table, Key: key(kind, id) }));
    return (res.Item?.doc as T | undefined) ?? null;
  }

  private async listAll<T>(kind: Kind): Promise<T[]> {
    const items = await queryAll((start) =>
      dynamo.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': KINDS[kind].list },
          ExclusiveStartKey: start,
        }),
      ),
    );
    return items.map((i) => i.doc as T);
  }

  async put(kind: Kind, doc: Person | Body | Organisation): Promise<void> {
    await dynamo.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...key(kind, doc.id), gsi1pk: KINDS[kind].list, gsi1sk: `${doc.name}#${doc.id}`, doc },
      }),
    );
  }

  savePerson(person: Person) {
    return this.put('person', person);
  }

  saveOrganisation(org: Organisation) {
    return this.put('org', org);
  }

  getOrganisation(id: string) {
    return this.getOne<Organisation>('org', id);
  }

  /** Conditional when expectedVersion is given (a body never edited counts as version 0). */
  async saveBody(body: Body, expectedVersion?: number): Promise<boolean> {
    if (expectedVersion === undefined) {
      await this.put('body', body);
      return true;
    }
    return writeIf(
      dynamo.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...key('body', body.id), gsi1pk: KINDS.body.list, gsi1sk: `${body.name}#${body.id}`, doc: body },
          ConditionExpression:
            expectedVersion === 0 ? 'attribute_not_exists(doc.version) OR doc.version = :v' : 'doc.version = :v',
          ExpressionAttributeValues: { ':v': expectedVersion },
        }),
      ),
    );
  }

  /** The person's own settings page: a conditional update, so two open pages cannot undo each other. */
  async updatePreferences(
    id: string,
    next: Preferences,
    expected: Pick<Person, 'lang' | 'reminderPreference'>,
  ): Promise<boolean> {
    const samePreference = expected.reminderPreference
      ? 'doc.reminderPreference = :oldPref'
      : 'attribute_not_exists(doc.reminderPreference)';
    return writeIf(
      dynamo.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key('person', id),
          UpdateExpression: 'SET doc.lang = :lang, doc.reminderPreference = :pref, doc.subscribedBodyIds = :subs',
          ConditionExpression: `doc.active = :yes AND doc.lang = :oldLang AND ${samePreference}`,
          ExpressionAttributeValues: {
            ':lang': next.lang,
            ':pref': next.reminderPreference,
            ':subs': next.subscribedBodyIds,
            ':yes': true,
            ':oldLang': expected.lang,
            ...(expected.reminderPreference ? { ':oldPref': expected.reminderPreference } : {}),
          },
        }),
      ),
    );
  }

  getPerson(id: string) {
    return this.getOne<Person>('person', id);
  }

  async getPeople(requested: string[]): Promise<Person[]> {
    // BatchGetItem refuses duplicate keys: ask for each person once.
    const ids = [...new Set(requested)];
    const found = new Map<string, Person>();
    for (let i = 0; i < ids.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map((id) => key('person', id));
      for (let attempt = 0; keys && keys.length > 0 && attempt < 8; attempt++) {
        const res = await dynamo.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys } } }));
        for (const item of res.Responses?.[this.table] ?? []) found.set((item.doc as Person).id, item.doc as Person);
        keys = res.UnprocessedKeys?.[this.table]?.Keys as Record<string, unknown>[] | undefined;
        if (keys?.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
    // Keep the caller's order, so emails go out in the order of the list.
    return ids.map((id) => found.get(id)).filter((p): p is Person => Boolean(p));
  }

  listPeople() {
    return this.listAll<Person>('person');
  }

  getBody(id: string) {
    return this.getOne<Body>('body', id);
  }

  listBodies() {
    return this.listAll<Body>('body');
  }

  listOrganisations() {
    return this.listAll<Organisation>('org');
  }
}
