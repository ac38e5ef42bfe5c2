import { type OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { CollabService } from './collab.service';

/** The y-websocket endpoint: `/collab/<document>?token=…` (or the session cookie). */
@WebSocketGateway({ path: '/collab' })
export class CollabGateway implements OnGatewayConnection {
  constructor(private readonly collab: CollabService) {}

  handleConnection(socket: WebSocket, request: IncomingMessage): void {
    this.collab.connect(socket, request);
  }
}
