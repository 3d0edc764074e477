/**
 * Documentation of filter terms, as data: the actions, the fields of `ip filter` and the
 * semantics of `secure filter` lists. Read by the parser (actions) and hover.
 */
import type { FilterAction } from './model';

export interface ActionDoc extends FilterAction {
  /** What happens to a matching packet. */
  effect: string;
  /** Whether a line is written to the log. */
  logging: string;
}

function a(name: string, verdict: FilterAction['verdict'], log: FilterAction['log'], effect: string, logging: string): ActionDoc {
  return { name, verdict, log, effect, logging };
}

const PASS = 'forwards the packet';
const REJECT = 'discards the packet';
const RESTRICT =
  'forwards the packet while the line is connected and discards it while disconnected (for dial-on-demand lines: traffic that must not bring a line up)';

export const ACTIONS: ReadonlyMap<string, ActionDoc> = new Map(
  [
    a('pass', 'pass', 'default', PASS, 'not logged'),
    a('pass-log', 'pass', 'log', PASS, 'logged (`Passed at …`, needs `syslog notice on`)'),
    a('pass-nolog', 'pass', 'nolog', PASS, 'not logged'),
    a('reject', 'reject', 'default', REJECT, 'logged (`Rejected at …`, needs `syslog notice on`)'),
    a('reject-log', 'reject', 'log', REJECT, 'logged (`Rejected at …`, needs `syslog notice on`)'),
    a('reject-nolog', 'reject', 'nolog', REJECT, 'not logged'),
    a('restrict', 'restrict', 'default', RESTRICT, 'logged only when it discards'),
    a('restrict-log', 'restrict', 'log', RESTRICT, 'logged'),
    a('restrict-nolog', 'restrict', 'nolog', RESTRICT, 'not logged'),
  ].map((x) => [x.name, x]),
);

export const ACTION_NAMES = [...ACTIONS.keys()];

/** Whether a decision by this action writes a log line. */
export function actionLogs(action: FilterAction, passed: boolean): boolean {
  if (action.log === 'log') return true;
  if (action.log === 'nolog') return false;
  if (action.verdict === 'pass') return false;
  if (action.verdict === 'reject') return true;
  return !passed; // restrict: only when discarding
}

/** Field names used in messages and hover (`protocol: unknown protocol 'tpc'`). */
export const FIELD = {
  num: 'filter number',
  action: 'action',
  src: 'source address',
  dst: 'destination address',
  proto: 'protocol',
  sport: 'source port',
  dport: 'destination port',
  list: 'filter list',
  iface: 'interface',
  dir: 'direction',
  app: 'application',
  option: 'option',
  set: 'filter set',
} as const;

export const STATIC_FILTER_SYNTAX = '`ip filter N ACTION SRC [DST [PROTOCOL [SRC_PORT [DST_PORT]]]]` (omitted fields mean `*`)';

export const STATIC_FILTER6_SYNTAX = '`ipv6 filter N ACTION SRC[/LEN] [DST[/LEN] [PROTOCOL [SRC_PORT [DST_PORT]]]]` (omitted fields mean `*`)';

export const DYNAMIC_FILTER_SYNTAX =
  '`ip filter dynamic N SRC DST APPLICATION [syslog=on|off] [timeout=SECONDS]` or `ip filter dynamic N SRC DST filter LIST [in LIST] [out LIST]`';

/** Hover text of a `secure filter` line: how the list is evaluated. */
export const LIST_SEMANTICS = [
  'Filters are checked **in the order written in this list**, not in numeric order.',
  'The **first filter that matches decides** (pass or discard); later filters are not examined.',
  'A packet that matches **no** filter is **discarded** and logged as `Rejected at IN|OUT(default)`.',
  'Without any list for an interface and direction, everything passes.',
  '`in` = packets the router receives on this interface, `out` = packets it sends on it. OUT filters see the packet **before** NAT (private LAN source), IN filters **after** reverse NAT.',
  'Numbers after `dynamic` are dynamic (stateful) filters: a connection passed by the static list and matching one of them opens a session whose packets pass in both directions.',
  'A listed number without an `ip filter` definition is skipped.',
].join('\n\n');
