/**
 * (e) The tail under background load: workloads (a) and (b) again, with a neighbour process keeping one core busy
 * for a fixed share of the time (load/burner.ts) while the clients join and type. A server whose tail holds only
 * on an idle machine shows it here; the burner's own CPU is measured and reported beside the figures.
 */
import type { BenchConfig } from '../config';
import { BackgroundLoad, type BurnerUsage } from '../load/background-load';
import type { BenchTarget } from '../servers/target';
import { fanoutSeats } from './fanout';
import { measureOn, type Outcome } from './outcome';
import { roomsSeats } from './rooms';
import { runTyping, type TypingResult } from './typing';

/** A typing phase measured beside the burner, and what the burner used. */
export interface LoadedResult {
  readonly typing: TypingResult;
  readonly burner: BurnerUsage;
}

export async function runLoaded(kind: 'fanout' | 'rooms', target: BenchTarget, config: BenchConfig): Promise<Outcome<LoadedResult>> {
  return measureOn(target, { persistent: false, quietWaitMs: config.quietWaitMs }, async (server) => {
    const seats = kind === 'fanout' ? await fanoutSeats(server, config) : await roomsSeats(server, config);
    const load = BackgroundLoad.start(config.backgroundLoadPercent);
    try {
      const typing = await runTyping(server, seats, kind === 'fanout' ? config.fanout : config.rooms, {
        clientProcesses: config.clientProcesses,
        tagPrefix: kind === 'fanout' ? 'ea' : 'eb',
      });
      return { typing, burner: await load.stop() };
    } catch (error) {
      await load.stop().catch(() => undefined);
      throw error;
    }
  });
}
