/**
 * (b) Many rooms: many small documents (drafting spaces) with a few clients each, one client typing in
 * some of them. What matters is per-update latency under many connections and the server's memory.
 */
import type { BenchConfig } from '../config';
import type { BenchTarget, RunningServer } from '../servers/target';
import { measureOn, type Outcome } from './outcome';
import { type ClientSeat, runTyping, type TypingResult } from './typing';

/** The seats of (b): a few clients per document, the first client of every `typingEvery`-th room typing. */
export async function roomsSeats(server: RunningServer, config: BenchConfig): Promise<ClientSeat[]> {
  const { rooms } = config;
  const docs = await server.documents(rooms.documents);
  return docs.flatMap((docName, d) => Array.from({ length: rooms.clientsPerDocument }, (_, c) => ({ docName, writer: c === 0 && d % rooms.typingEvery === 0 })));
}

export async function runRooms(target: BenchTarget, config: BenchConfig): Promise<Outcome<TypingResult>> {
  return measureOn(target, { persistent: false, quietWaitMs: config.quietWaitMs }, async (server) =>
    runTyping(server, await roomsSeats(server, config), config.rooms, { clientProcesses: config.clientProcesses, tagPrefix: 'b' }),
  );
}
