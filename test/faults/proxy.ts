/**
 * A TCP proxy in front of a local stand-in (dynalite, the SES mailbox) that passes, refuses or
 * black-holes connections on command, so the runtime meets the faults a real network gives it.
 */
import { createServer, type Server, type Socket, connect } from 'node:net';

export type ProxyMode = 'pass' | 'refuse' | 'blackhole';

export class FaultProxy {
  mode: ProxyMode = 'pass';
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  port = 0;

  constructor(private readonly target: { host?: string; port: number }) {}

  start(port = 0): Promise<this> {
    this.server = createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => undefined);
      // Refuse: closed at once (a reset), as a port with nothing listening answers.
      if (this.mode === 'refuse') return void client.resetAndDestroy();
      // Black hole: accepted, never answered; the caller's own timeouts must end it.
      if (this.mode === 'blackhole') return;
      const upstream = connect(this.target.port, this.target.host ?? '127.0.0.1');
      this.sockets.add(upstream);
      upstream.on('close', () => (this.sockets.delete(upstream), client.destroy()));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
    });
    return new Promise((resolve) =>
      this.server!.listen(port, '127.0.0.1', () => {
        this.port = (this.server!.address() as { port: number }).port;
        resolve(this);
      }),
    );
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A new mode also cuts the connections already open, as an outage does to kept-alive sockets. */
  set(mode: ProxyMode): void {
    this.mode = mode;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
