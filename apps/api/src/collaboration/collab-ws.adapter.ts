import type { INestApplicationContext } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';

/**
 * Nest's ws adapter matches a gateway's path exactly, but y-websocket clients connect to `<path>/<document>`;
 * this adapter routes every upgrade under a gateway's path to it, caps message size, and refuses other upgrades.
 */
export class CollabWsAdapter extends WsAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly maxPayload: number,
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
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      const servers = (this.wsServersRegistry.get(port) ?? []) as Array<WebSocketServer & { path: string }>;
      const target = servers.find((ws) => pathname === ws.path || pathname.startsWith(`${ws.path}/`));
      if (!target) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      target.handleUpgrade(request, socket, head, (ws) => target.emit('connection', ws, request));
    });
    return server;
  }
}
