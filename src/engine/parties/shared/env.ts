// What every party needs from the world it runs in: the network, the clock, randomness, its tenant.
import type { SimClock } from '../../core/clock';
import type { Network } from '../../core/network';
import type { SeededRandom } from '../../core/random';

/**
 * The world as a party sees it: the simulated network it sends on, the simulated clock (epoch
 * seconds), the seeded random generator, the tenant it belongs to, and the base URL of every
 * party that serves HTTP (by party id), for the calls it makes.
 */
export interface PartyEnv {
  network: Network;
  clock: SimClock;
  random: SeededRandom;
  tenantId: string;
  partyUrls: ReadonlyMap<string, string>;
}
