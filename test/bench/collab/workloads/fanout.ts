/**
 * (a) Plenary fan-out: one document (the consolidated draft everyone watches), many clients, some of
 * them typing. Every update must reach every other client quickly and none may be lost.
 */
import type { BenchConfig } from '../config';
import type { BenchTarget, RunningServer } from '../servers/target';
import { measureOn, type Outcome } from './outcome';
import { type ClientSeat, runTyping, type TypingResult } from './typing';

/** The seats of (a): one document, the first `writers` clients typing. */
export async function fanoutSeats(server: RunningServer, config: BenchConfig): Promise<ClientSeat[]> {
  const [docName] = await server.documents(1);
  return Array.from({ length: config.fanout.clients }, (_, i) => ({ docName, writer: i < config.fanout.writers }));
}

export async function runFanout(target: BenchTarget, config: BenchConfig): Promise<Outcome<TypingResult>> {
  return measureOn(target, { persistent: false, quietWaitMs: config.quietWaitMs }, async (server) =>
    runTyping(server, await fanoutSeats(server, config), config.fanout, { clientProcesses: config.clientProcesses, tagPrefix: 'a' }),
  );
}
