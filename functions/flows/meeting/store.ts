/**
 * Meeting series and meetings in DynamoDB: a versioned document each (see versioned-store.ts for
 * the access patterns). Series are listed by status (the planner reads the active ones); meetings
 * by status, newest first by start.
 */
import type { Meeting } from './meeting';
import type { MeetingSeries } from './series';
import type { MeetingStore, SeriesStore } from './use-cases';
import { VersionedStore } from '../../engine/versioned-store';

export class DynamoSeriesStore extends VersionedStore<MeetingSeries> implements SeriesStore {
  constructor(table: string) {
    super(table, {
      prefix: 'SERIES',
      listPrefix: 'SERIESLIST',
      statuses: ['active', 'stopped'],
      sortKey: (s) => s.createdAt,
    });
  }
}

export class DynamoMeetingStore extends VersionedStore<Meeting> implements MeetingStore {
  constructor(table: string) {
    super(table, { prefix: 'MEETING', listPrefix: 'MEETINGS', statuses: ['open', 'closed'], sortKey: (m) => m.start });
  }
}
