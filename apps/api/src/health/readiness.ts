/** Where the server is in its life: it answers liveness from the start, and serves requests only once ready. */
export type ReadinessState = 'starting' | 'migrating' | 'seeding' | 'ready' | 'stopping';

const WHY: Record<Exclude<ReadinessState, 'ready'>, string> = {
  starting: 'The server is starting; try again in a moment.',
  migrating: 'The server is applying database migrations; try again in a moment.',
  seeding: 'The server is creating the demo committee; try again in a moment.',
  stopping: 'The server is shutting down; try again in a moment.',
};

/**
 * The server's readiness, set by the start sequence (main.ts) and read by the readiness check, the request gate
 * and the collaboration upgrade. A server built without a start sequence (the command line, a test module) is ready.
 */
export class Readiness {
  private current: ReadinessState;

  constructor(initial: ReadinessState = 'ready') {
    this.current = initial;
  }

  get state(): ReadinessState {
    return this.current;
  }

  get ready(): boolean {
    return this.current === 'ready';
  }

  set(state: ReadinessState): void {
    this.current = state;
  }

  /** A sentence for people saying why the server does not serve yet, or null when it does. */
  reason(): string | null {
    return this.current === 'ready' ? null : WHY[this.current];
  }
}
