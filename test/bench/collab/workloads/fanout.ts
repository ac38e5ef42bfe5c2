/**
 * (a) Plenary fan-out: one document (the consolidated draft everyone watches), many clients, some of
 * them typing. Every update must reach every other client quickly and none may be lost.
 */
import type { BenchConfig } from '../config';
import type { BenchTarget } from '../servers/target';
import { measureOn, type Outcome } from './outcome';
import { type ClientSeat, runTyping, type TypingResult } from './typing';

export async function runFanout(target: BenchTarget, config: BenchConfig): Promise<Outcome<TypingResult>> {
  const { fanout } = config;
  return measureOn(target, { persistent: false, quietWaitMs: config.quietWaitMs }, async (server) => {
    const [docName] = await server.documents(1);
    const seats: ClientSeat[] = Array.from({ length: fanout.clients }, (_, i) => ({ docName, writer: i < fanout.writers }));
    return runTyping(server, seats, fanout, { clientProcesses: config.clientProcesses, tagPrefix: 'a' });
  });
}
