/**
 * Page analysis in the worker: a content script opens a port, sends its text
 * in pieces (each analysed as it arrives, so several tabs take turns), and
 * gets the verdict and the findings back in batches. A job lives as long as
 * its port; if the worker is stopped mid-job the port closes and the page
 * asks again, so nothing here outlives the job.
 */
import type { Runtime } from 'webextension-polyfill';
import type { CardModel } from '../core/cards';
import type { Matcher } from '../core/matcher';
import { findingsBatches, PageAnalysis } from '../core/page-analysis';
import { isQuiet, type PageVerdict, SHOW_DEFAULTS, type ShowOptions } from '../core/verdict';
import { type AnalysisReply, type AnalysisRequest, isAnalysisRequest } from '../messages';

/** What a job needs from the dataset. */
export interface AnalysisSource {
  matcher(): Matcher;
  cards: Record<string, CardModel>;
  /** Per story id, the statements it has. */
  statementsTotal: Record<string, number>;
}

/** The part of a runtime Port a job uses (the same in Chromium and Firefox). */
export type AnalysisPort = Pick<Runtime.Port, 'postMessage' | 'disconnect' | 'onMessage'>;

interface Job {
  mode: 'annotate' | 'mentions';
  regions: number;
  verdict?: PageVerdict;
  show: ShowOptions;
  analysis: PageAnalysis;
  /** Pieces of text analysed so far. */
  pieces: number;
}

/**
 * Serves one port. The source may still be coming (a worker that has just woken reads the followed
 * stories first): messages wait for it in order.
 */
export function serveAnalysis(port: AnalysisPort, source: AnalysisSource | Promise<AnalysisSource>): void {
  let job: Job | undefined;
  let ready = source instanceof Promise ? undefined : source;
  const waiting: unknown[] = [];
  const reply = (message: AnalysisReply) => port.postMessage(message);
  const fail = (error: unknown) => {
    reply({ type: 'analysis/error', message: String(error) });
    port.disconnect();
  };
  const handle = (served: AnalysisSource, message: unknown) => {
    if (!isAnalysisRequest(message)) return fail('malformed analysis message');
    try {
      job = step(served, job, message, reply);
    } catch (error) {
      fail(error);
    }
  };
  port.onMessage.addListener((message: unknown) => {
    if (ready) handle(ready, message);
    else waiting.push(message);
  });
  if (source instanceof Promise)
    source.then((served) => {
      ready = served;
      for (const message of waiting.splice(0)) handle(served, message);
    }, fail);
}

function step(
  source: AnalysisSource,
  job: Job | undefined,
  message: AnalysisRequest,
  reply: (m: AnalysisReply) => void,
): Job | undefined {
  if (message.type === 'analysis/start') {
    const { mode, regions, verdict, show = SHOW_DEFAULTS } = message;
    return { mode, regions, verdict, show, analysis: new PageAnalysis(source.matcher(), show), pieces: 0 };
  }
  if (!job) throw new Error(`${message.type} before analysis/start`);
  if (message.type === 'analysis/text') {
    // A second piece means more is to come: if the first already shows something, the page hears it now.
    if (job.pieces === 1 && job.mode === 'annotate' && !job.verdict && job.analysis.showsSoFar())
      reply({ type: 'analysis/shows' });
    job.pieces++;
    for (const stretch of message.stretches) {
      if (stretch.region >= job.regions) throw new Error(`stretch of region ${stretch.region} of ${job.regions}`);
      job.analysis.add(stretch);
    }
    return job;
  }
  if (job.mode === 'mentions') {
    reply({ type: 'analysis/mentions', mentions: job.analysis.mentionsStory() });
    return undefined;
  }
  const findings = job.analysis.finish(job.regions, job.verdict);
  const { verdict } = findings;
  // A page reading without a verdict given is a fresh one: it gets the cards if it will show anything.
  const withCards = !job.verdict && !isQuiet(verdict, job.show);
  const { statementsTotal, cards } = source;
  reply({ type: 'analysis/verdict', verdict, statementsTotal, ...(withCards ? { cards } : {}) });
  for (const batch of findingsBatches(findings.regions)) reply({ type: 'analysis/findings', batch });
  return undefined;
}
