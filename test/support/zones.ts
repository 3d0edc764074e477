/** Zone texts the LSP tests share. */

/** The lines of a zone with an SOA, an NS and its address (5 lines), then `hosts` A records `h0`, `h1`, …. */
export function hostZoneLines(hosts: number): string[] {
  const lines = ['$ORIGIN example.jp.', '$TTL 1h', '@ IN SOA ns1 hostmaster 1 2 3 4 5', '@ IN NS ns1', 'ns1 IN A 192.0.2.1'];
  for (let i = 0; i < hosts; i++) lines.push(`h${i} IN A 10.0.${i >> 8}.${i & 255}`);
  return lines;
}
