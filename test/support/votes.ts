import type { CastVote, Choice } from '../../functions/flows/approval-round/rules';

// Shared by the rule tests so each file builds ballots the same way: one vote per choice, in cast order.
export const votes = (...choices: Choice[]): CastVote[] => choices.map((choice, i) => ({ choice, at: 1000 + i }));
export const adopted = { decided: true, outcome: 'approved' };
export const toVote = { decided: false, nextStage: 'majority' };
