/**
 * A tiny authoritative DNS server on 127.0.0.1 for tests of the live resolver: answers A, AAAA,
 * MX and TXT from a table, NXDOMAIN for unknown names, and never answers names listed as silent
 * (to test timeouts). Counts the queries it receives.
 */
import * as dgram from 'dgram';

export interface DnsTable {
  [name: string]: { A?: string[]; TXT?: string[][]; MX?: [number, string][] };
}

const TYPES: Record<number, 'A' | 'AAAA' | 'MX' | 'TXT' | 'PTR'> = { 1: 'A', 28: 'AAAA', 15: 'MX', 16: 'TXT', 12: 'PTR' };

function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p)])), Buffer.from([0])]);
}

export class TestDnsServer {
  readonly queries: string[] = [];
  private readonly socket = dgram.createSocket('udp4');
  port = 0;

  constructor(
    private readonly table: DnsTable,
    private readonly silent: Set<string> = new Set(),
  ) {}

  async start(): Promise<void> {
    this.socket.on('message', (msg, rinfo) => this.answer(msg, rinfo));
    await new Promise<void>((resolve) => this.socket.bind(0, '127.0.0.1', resolve));
    this.port = this.socket.address().port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private answer(msg: Buffer, rinfo: dgram.RemoteInfo): void {
    let i = 12;
    const labels: string[] = [];
    while (i < msg.length && msg[i] !== 0) {
      labels.push(msg.subarray(i + 1, i + 1 + msg[i]).toString());
      i += msg[i] + 1;
    }
    const qtype = msg.readUInt16BE(i + 1);
    const name = labels.join('.').toLowerCase();
    const type = TYPES[qtype];
    this.queries.push(`${name} ${type ?? qtype}`);
    if (this.silent.has(name)) return;
    const question = msg.subarray(12, i + 5);
    const entry = this.table[name];
    const answers: Buffer[] = [];
    const rr = (rdata: Buffer) => {
      const head = Buffer.alloc(12);
      head.writeUInt16BE(0xc00c, 0);
      head.writeUInt16BE(qtype, 2);
      head.writeUInt16BE(1, 4);
      head.writeUInt32BE(60, 6);
      head.writeUInt16BE(rdata.length, 10);
      answers.push(Buffer.concat([head, rdata]));
    };
    if (entry && type === 'A') for (const a of entry.A ?? []) rr(Buffer.from(a.split('.').map(Number)));
    if (entry && type === 'TXT') for (const t of entry.TXT ?? []) rr(Buffer.concat(t.map((s) => Buffer.concat([Buffer.from([Buffer.byteLength(s)]), Buffer.from(s)]))));
    if (entry && type === 'MX') {
      for (const [pref, host] of entry.MX ?? []) {
        const p = Buffer.alloc(2);
        p.writeUInt16BE(pref);
        rr(Buffer.concat([p, encodeName(host)]));
      }
    }
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2);
    header.writeUInt16BE(0x8400 | (entry ? 0 : 3), 2); // response, authoritative, NOERROR / NXDOMAIN
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    this.socket.send(Buffer.concat([header, question, ...answers]), rinfo.port, rinfo.address);
  }
}
