/**
 * (b) Many rooms: many small documents (drafting spaces) with a few clients each, one client typing in
 * some of them. What matters is per-update latency under many connections and the server's memory.
 */
import type { BenchConfig } from '../config';
import type { BenchTarget } from '../servers/target';
import { measureOn, type Outcome } from './outcome';
import { type ClientSeat, runTyping, type TypingResult } from './typing';

export async function runRooms(target: BenchTarget, config: BenchConfig): Promise<Outcome<TypingResult>> {
  const { rooms } = config;
  return measureOn(target, { persistent: false, quietWaitMs: config.quietWaitMs }, async (server) => {
    const docs = await server.documents(rooms.documents);
    const seats: ClientSeat[] = docs.flatMap((docName, d) =>
      Array.from({ length: rooms.clientsPerDocument }, (_, c) => ({ docName, writer: c === 0 && d % rooms.typingEvery === 0 })),
    );
    return runTyping(server, seats, rooms, { clientProcesses: config.clientProcesses, tagPrefix: 'b' });
  });
}
