/** A planned meeting in the console: its page, and its agenda to print. Reads only. */
import { directoryStore } from '../../../engine/deps';
import { meetingWithSeries } from '../../meeting';
import { type Handler, htmlReply } from '../http';
import { agendaPrintPage, meetingPage, type Names } from '../meeting-detail';
import { deps } from './meetings';

const names = async (): Promise<Names> => {
  const d = directoryStore();
  const [people, bodies, orgs] = await Promise.all([d.listPeople(), d.listBodies(), d.listOrganisations()]);
  return { people, bodies, orgs };
};

export const meetingViewRoutes = {
  'GET /console/meetings/{id}': async ({ ctx, params }) => {
    const { meeting, series, timeline } = await meetingWithSeries(deps(), params.id);
    return htmlReply(200, meetingPage(ctx, meeting, series, await names(), timeline, deps().now()));
  },
  'GET /console/meetings/{id}/agenda': async ({ ctx, params }) => {
    const { meeting } = await meetingWithSeries(deps(), params.id);
    return htmlReply(200, agendaPrintPage(ctx, meeting, await names()));
  },
} satisfies Record<string, Handler>;
