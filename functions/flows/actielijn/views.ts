/**
 * What residents may see of an actielijn: its name, opgave, result, the trekkers as organisations
 * and the current state with its date. Never the contact person, who wrote an update, nor the
 * other fields (risks and planning may name people or money not yet agreed).
 */
import { type Actielijn, currentState } from './actielijn';
import type { Organisation } from '../../engine/directory';

export interface PublicActielijn {
  id: string;
  name: string;
  opgave?: string;
  result: string;
  trekkers: string[];
  currentState?: { text: string; at: string };
  status: Actielijn['status'];
}

export function publicActielijn(a: Actielijn, orgs: Pick<Organisation, 'id' | 'name'>[]): PublicActielijn {
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const state = currentState(a);
  return {
    id: a.id,
    name: a.name,
    ...(a.opgave ? { opgave: a.opgave } : {}),
    result: a.result,
    trekkers: a.trekkerOrganisationIds.flatMap((id) => names.get(id) ?? []),
    ...(state ? { currentState: { text: state.text, at: state.at } } : {}),
    status: a.status,
  };
}
