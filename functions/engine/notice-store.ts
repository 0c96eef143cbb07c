/**
 * Notices for the programme office's overview: delivery problems, and flows a watchdog handed to
 * the office (watchdog-handler.ts). Access patterns:
 * - add: PutItem pk NOTICES, sk <at>#<id> (the event's own time and id, so a redelivered event is one notice)
 * - latest first: Query pk NOTICES, descending, limited
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../platform/clients';

export interface Notice {
  id: string;
  at: string;
  kind: 'bounce' | 'complaint' | 'stopped';
  text: string;
  /** A bounce or complaint: the people with the address it went to (found when it came in), to fix it. */
  people?: { id: string; email: string }[];
  /** A stopped flow: which flow (the watchdog's name: follow-up, input-round, meeting, cycle) and document. */
  flow?: string;
  docId?: string;
}

export class DynamoNoticeStore {
  constructor(private readonly table: string) {}

  async add(notice: Notice): Promise<void> {
    await dynamo.send(
      new PutCommand({ TableName: this.table, Item: { pk: 'NOTICES', sk: `${notice.at}#${notice.id}`, doc: notice } }),
    );
  }

  async latest(limit = 20): Promise<Notice[]> {
    const res = await dynamo.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'NOTICES' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (res.Items ?? []).map((i) => i.doc as Notice);
  }
}
