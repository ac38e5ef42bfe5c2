import type { INestApplicationContext } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { crossSiteProblem, ownOrigins } from '../common/request-origin';
import type { Readiness } from '../health/readiness';

/**
 * Nest's ws adapter matches a gateway's path exactly, but y-websocket clients connect to `<path>/<document>`;
 * this adapter routes every upgrade under a gateway's path to it, caps message size, and refuses other upgrades.
 * It also refuses (403, before any WebSocket exists) an upgrade that rides on the session cookie from another
 * site's page: browsers send cookies with cross-site WebSocket handshakes, and no CORS check stops them.
 */
export class CollabWsAdapter extends WsAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly maxPayload: number,
    private readonly publicUrl: string,
    private readonly readiness: Readiness | null = null,
  ) {
    super(app);
  }

  override create(port: number, options: Record<string, unknown> & { path?: string } = {}): WebSocketServer {
    return super.create(port, { ...options, maxPayload: this.maxPayload }) as WebSocketServer;
  }

  override bindMessageHandlers(): void {
    // The collaboration protocol is binary y-websocket, read by the gateway; Nest's JSON event routing is unused.
  }

  protected override ensureHttpServerExists(port: number, httpServer?: Server): Server | undefined {
    if (this.httpServersRegistry.has(port)) return undefined;
    const server = httpServer ?? super.ensureHttpServerExists(port);
    if (!server || !httpServer) return server;
    this.httpServersRegistry.set(port, server);
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      let url: URL;
      try {
        url = new URL(request.url ?? '/', 'http://localhost');
      } catch {
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        return;
      }
      const pathname = url.pathname;
      const servers = (this.wsServersRegistry.get(port) ?? []) as Array<WebSocketServer & { path: string }>;
      const target = servers.find((ws) => pathname === ws.path || pathname.startsWith(`${ws.path}/`));
      if (!target) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      const notReady = this.readiness?.reason();
      if (notReady) {
        const body = JSON.stringify({ error: { code: 'not-ready', message: notReady } });
        socket.end(`HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
        return;
      }
      const encrypted = 'encrypted' in socket && socket.encrypted === true;
      const own = ownOrigins(this.publicUrl, request.headers.host, encrypted);
      const problem = crossSiteProblem(request.headers, own, url.searchParams.get('token'));
      if (problem) {
        const body = JSON.stringify({ error: { code: 'cross-origin-refused', message: problem } });
        socket.end(
          `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
        return;
      }
      target.handleUpgrade(request, socket, head, (ws) => target.emit('connection', ws, request));
    });
    return server;
  }
}
