// What is true before step 1 (e.g. "the user already holds token A"), with the tokens named.
import type { SimulationRun } from '../../engine/wire';
import { memoByRun } from './memo';
import { partyLabel } from './parties';
import { tokenName, type TokenRef } from './tokens';

/** A starting fact with its token, for the inspector before step 1. */
export interface StartingFactView {
  title: string;
  description: string;
  holderLabel: string;
  token: TokenRef | null;
}

/** The starting facts of a run, with their tokens named and found. */
export const buildStartingFacts = memoByRun((run: SimulationRun): StartingFactView[] =>
  run.startingFacts.map((fact) => {
    const inspection = run.tokens[fact.token];
    return {
      title: fact.title,
      description: fact.description,
      holderLabel: partyLabel(run, fact.holder),
      token: inspection
        ? {
            token: fact.token,
            name: tokenName(run, fact.token),
            inspection,
            location: `held by ${partyLabel(run, fact.holder)}`,
            message: 'request',
          }
        : null,
    };
  }),
);
