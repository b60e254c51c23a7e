/**
 * Where the page's text is analysed: not here. The content script hands the
 * text to the extension's worker over a port, in pieces, and gets back the
 * verdict and the findings (offsets into the text it sent). The worker may
 * be asleep (the port wakes it) or be stopped mid-job (the port closes, and
 * the job is sent once more to the worker that wakes next).
 */
import type { Runtime } from 'webextension-polyfill';
import type { CardModel } from '../core/cards';
import { FindingsCollector, type RegionFindings, textPieces } from '../core/page-analysis';
import { isQuiet, type PageVerdict, SHOW_DEFAULTS, type ShowOptions } from '../core/verdict';
import { type AnalysisReply, type AnalysisRequest, isAnalysisReply } from '../messages';

/** What the worker made of a page's regions. */
export interface PageReading {
  verdict: PageVerdict;
  regions: RegionFindings[];
  /** Per story id, the statements it has. */
  statementsTotal: Record<string, number>;
  /** The cards, when this reading shows something and was not made under a known verdict. */
  cards?: Record<string, CardModel>;
}

/** Between pieces of text: yields to the page if need be; false to give the job up. */
export type Pace = () => Promise<boolean>;

export interface Analyst {
  /**
   * Analyses the texts of a page's regions: under `verdict` when given, else
   * under one verdict decided for all of them. Undefined when `pace` gave up.
   * `onShows` hears, once, that the page shows something, as soon as the
   * worker can tell: from the text's first piece, or else from the verdict.
   */
  annotate(
    texts: readonly string[],
    verdict: PageVerdict | undefined,
    pace: Pace,
    onShows?: () => void,
  ): Promise<PageReading | undefined>;
  /** Whether these texts name anything of the story at all. */
  mentionsStory(texts: readonly string[]): Promise<boolean>;
  /** What readings show beyond the pages about a story (the settings'; see storyShown). */
  showOptions(): ShowOptions;
}

/** The worker went away before answering (stopped by the browser, or reloaded). */
class WorkerGone extends Error {}

/** Attempts per job: a worker stopped mid-job is followed by a fresh one. */
const ATTEMPTS = 2;

/** The part of a runtime Port the page side uses. */
export type AnalystPort = Pick<Runtime.Port, 'postMessage' | 'disconnect' | 'onMessage' | 'onDisconnect'>;

type Receive<T> = (reply: Exclude<AnalysisReply, { type: 'analysis/error' }>) => T | undefined;

export class WorkerAnalyst implements Analyst {
  constructor(
    private readonly connect: () => AnalystPort,
    /** False once the extension is gone (reloaded or removed): its ports close and cannot be opened again. */
    private readonly alive: () => boolean = () => true,
    /** The settings' show options, read as each job starts. */
    private readonly show: () => ShowOptions = () => SHOW_DEFAULTS,
  ) {}

  showOptions(): ShowOptions {
    return this.show();
  }

  annotate(
    texts: readonly string[],
    verdict: PageVerdict | undefined,
    pace: Pace,
    onShows?: () => void,
  ): Promise<PageReading | undefined> {
    let shown = false;
    const shows = () => {
      if (!shown) onShows?.();
      shown = true;
    };
    return this.withRetry(() => {
      const collector = new FindingsCollector(texts.length);
      let head: Omit<PageReading, 'regions'> | undefined;
      const show = this.show();
      const start: AnalysisRequest = { type: 'analysis/start', mode: 'annotate', regions: texts.length, verdict, show };
      return this.job(start, texts, pace, (reply) => {
        if (reply.type === 'analysis/shows') shows();
        else if (reply.type === 'analysis/verdict') {
          head = { verdict: reply.verdict, statementsTotal: reply.statementsTotal, cards: reply.cards };
          if (!isQuiet(reply.verdict, show)) shows();
        } else if (reply.type === 'analysis/findings') collector.add(reply.batch);
        return head && collector.done ? { ...head, regions: collector.regions } : undefined;
      });
    });
  }

  async mentionsStory(texts: readonly string[]): Promise<boolean> {
    const start: AnalysisRequest = { type: 'analysis/start', mode: 'mentions', regions: texts.length };
    const answer = await this.withRetry(() =>
      this.job(
        start,
        texts,
        async () => true,
        (reply) => (reply.type === 'analysis/mentions' ? reply.mentions : undefined),
      ),
    );
    return answer ?? false;
  }

  /** Undefined, quietly, when the extension went away: there is no one left to answer or to tell. */
  private async withRetry<T>(attempt: () => Promise<T>): Promise<T | undefined> {
    for (let n = 1; ; n++) {
      if (!this.alive()) return undefined;
      try {
        return await attempt();
      } catch (error) {
        if (!this.alive()) return undefined;
        if (!(error instanceof WorkerGone) || n >= ATTEMPTS) throw error;
      }
    }
  }

  /** One job on a port of its own: start, the text in pieces, end; then replies until `receive` has a result. */
  private job<T>(
    start: AnalysisRequest,
    texts: readonly string[],
    pace: Pace,
    receive: Receive<T>,
  ): Promise<T | undefined> {
    const port = this.connect();
    return new Promise<T | undefined>((resolve, reject) => {
      let settled = false;
      const settle = (done: () => void) => {
        if (settled) return;
        settled = true;
        port.disconnect();
        done();
      };
      port.onMessage.addListener((message: unknown) => {
        if (!isAnalysisReply(message)) return settle(() => reject(new Error('malformed reply from the worker')));
        if (message.type === 'analysis/error') return settle(() => reject(new Error(message.message)));
        const result = receive(message);
        if (result !== undefined) settle(() => resolve(result));
      });
      port.onDisconnect.addListener(() => settle(() => reject(new WorkerGone('the worker closed the analysis port'))));
      const send = async () => {
        port.postMessage(start);
        for (const stretches of textPieces(texts)) {
          if (settled) return;
          port.postMessage({ type: 'analysis/text', stretches } satisfies AnalysisRequest);
          if (!(await pace())) return settle(() => resolve(undefined));
        }
        if (!settled) port.postMessage({ type: 'analysis/end' } satisfies AnalysisRequest);
      };
      // Posting to a port the worker closed throws: the disconnect handler has the say then.
      send().catch((error: unknown) => {
        const gone = new WorkerGone(String(error));
        settle(() => reject(gone));
      });
    });
  }
}
