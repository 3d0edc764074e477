/**
 * Live DNS for the SPF lookup analysis in the editor. The core analyses offline; when the user
 * enabled `senderGuard.liveDns.enabled` and the workspace is trusted, the server asks live DNS for
 * the TXT records of the include/redirect targets outside the zone files that a document's SPF
 * records reach (following the answers' own includes, round after round), and passes the answers
 * to the core as `WorkspaceFacts.dnsAnswers`. The caller then validates again, so hover shows the
 * whole tree and `spf-lookup-limit` counts the real lookups.
 *
 * Bounded: every pass uses one `liveResolver` (timeout per query, at most `maxQueries`
 * queries); a name is asked once per cache (answers, errors included, are kept until the
 * settings change); names the zone files answer are never sent out (only `external` targets of
 * the analysis are asked).
 */
import type { RuleContext } from '../core/rule';
import type { Settings } from '../core/settings';
import { DnsAnswers, type DnsAnswer } from '../core/spf/answers';
import { lookupAnalyses, type LookupTerm } from '../core/spf/lookups';
import type { Resolver } from '../core/spf/resolver';
import type { ZoneModel } from '../core/zone/model';
import { liveResolver } from '../io/liveDns';

/** How many rounds of includes-of-includes one pass follows. */
const MAX_ROUNDS = 8;

/** Include/redirect targets outside the zone files that no answer covers yet. */
function externalTargets(terms: readonly LookupTerm[], answers: DnsAnswers, out = new Set<string>()): Set<string> {
  for (const t of terms) {
    if (t.status === 'external' && t.target !== undefined && !answers.has(t.target, 'TXT')) out.add(t.target);
    externalTargets(t.children, answers, out);
  }
  return out;
}

export class LiveSpfAnswers {
  private current: DnsAnswers = DnsAnswers.EMPTY;
  private liveKey = '';
  private readonly running = new Map<ZoneModel, Promise<boolean>>();

  constructor(private readonly makeResolver: (s: Settings['liveDns']) => Resolver = defaultResolver) {}

  /** The answers learnt so far (a new object each time something is learnt). */
  get answers(): DnsAnswers {
    return this.current;
  }

  /** Forget every answer when the live DNS settings change (other servers, other limits). */
  settingsChanged(settings: Settings): void {
    const key = JSON.stringify(settings.liveDns);
    if (key === this.liveKey) return;
    this.liveKey = key;
    this.current = DnsAnswers.EMPTY;
  }

  /**
   * Asks live DNS for the external targets of `model`'s SPF records; resolves to true when new
   * answers were learnt (the caller then validates again). Never asks when live DNS is off or the
   * workspace is not trusted.
   */
  expand(model: ZoneModel, ctx: RuleContext, trusted: boolean): Promise<boolean> {
    const live = ctx.settings.liveDns;
    if (!live.enabled || !trusted) return Promise.resolve(false);
    this.settingsChanged(ctx.settings);
    const running = this.running.get(model);
    if (running) return running;
    const p = this.run(model, ctx).finally(() => this.running.delete(model));
    this.running.set(model, p);
    return p;
  }

  private async run(model: ZoneModel, ctx: RuleContext): Promise<boolean> {
    const key = this.liveKey;
    let resolver: Resolver | undefined;
    let learnt = false;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const answers = this.current;
      const withAnswers: RuleContext = { ...ctx, workspace: { ...ctx.workspace, dnsAnswers: answers } };
      const names = new Set<string>();
      for (const { analysis } of lookupAnalyses(model, withAnswers)) externalTargets(analysis.terms, answers, names);
      if (names.size === 0) break;
      resolver ??= this.makeResolver(ctx.settings.liveDns);
      const r = resolver;
      const got: DnsAnswer[] = await Promise.all([...names].map(async (name) => ({ name, type: 'TXT' as const, result: await r.lookup(name, 'TXT') })));
      // The settings changed while asking: these answers belong to the old ones.
      if (key !== this.liveKey) return false;
      this.current = this.current.with(got);
      learnt = true;
    }
    return learnt;
  }
}

function defaultResolver(live: Settings['liveDns']): Resolver {
  return liveResolver({ timeoutMs: live.timeoutMs, maxQueries: live.maxQueries, servers: live.servers.length ? live.servers : undefined });
}
