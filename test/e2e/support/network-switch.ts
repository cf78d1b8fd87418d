import { createServer, connect, type Socket } from 'node:net';
import type { BrowserContext } from '@playwright/test';

export interface NetworkSwitch {
  /** The address the phone uses: the same server, through the switch. */
  url: string;
  /** No signal: connections are refused and open ones dropped, for pages and the service worker alike. */
  cut(): void;
  restore(): void;
  /** No signal on this phone: the switch cut, and the browser told it is offline. */
  noSignal(phone: BrowserContext): Promise<void>;
  /** Signal again: the switch restored, and the browser told it is online. */
  signalBack(phone: BrowserContext): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay between the browser and the server. Browser emulation of "offline" covers pages but
 * not the service worker, and not a browser being restarted; this cuts the network itself.
 */
export async function startNetworkSwitch(targetUrl: string): Promise<NetworkSwitch> {
  const target = new URL(targetUrl);
  const open = new Set<Socket>();
  let cut = false;
  const relay = createServer((client) => {
    if (cut) return client.destroy();
    const upstream = connect(Number(target.port), target.hostname === 'localhost' ? '127.0.0.1' : target.hostname);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const network: NetworkSwitch = {
    url: `http://localhost:${port}`,
    cut() {
      cut = true;
      for (const s of open) s.destroy();
    },
    restore() {
      cut = false;
    },
    async noSignal(phone) {
      network.cut();
      await phone.setOffline(true);
    },
    async signalBack(phone) {
      network.restore();
      await phone.setOffline(false);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        relay.close(() => resolve());
      }),
  };
  return network;
}
