// Fault injection: scripted misbehaviour so client code can be tested against failures a real
// network, proxy or server produces. Faults are kept in the order added. For each request the queue
// is scanned in that order: every matching 'slow' adds its delay, the first matching status,
// rate-limit or drop fault decides the answer (later ones are left untouched), and 'pagination' /
// 'records' faults are consumed only by list responses they actually alter. Each use costs one `times`.
// A fault with a `page` applies only to list requests for that page (page 3 empty, page 2 short…).
import type { DemoFault, DemoFaults } from './types';

type Pending = { fault: DemoFault; left: number };
export type TerminalFault = Extract<DemoFault, { kind: 'status' | 'rate-limit' | 'drop' }>;
export type ListFault = Extract<DemoFault, { kind: 'pagination' | 'records' }>;

/** What the faults decided for one request before it is handled. */
export interface FaultPlan {
  delayMs: number;
  terminal?: TerminalFault;
}

/** The page of a list request; undefined for any other request. */
export type ListPage = number | undefined;

function matches(fault: DemoFault, method: string, path: string, page: ListPage): boolean {
  // A page-targeted fault never matches a request that is not for a page of the list.
  if (fault.page !== undefined && fault.page !== page) return false;
  if ('method' in fault && fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
  if (fault.path) {
    fault.path.lastIndex = 0; // a /g or /y RegExp keeps state between test() calls
    if (!fault.path.test(path)) return false;
  }
  return true;
}

/** The fault queue of one demo server. */
export class FaultQueue implements DemoFaults {
  private queue: Pending[] = [];

  add(fault: DemoFault): void {
    const times = fault.times ?? Number.POSITIVE_INFINITY;
    if (times > 0) this.queue.push({ fault, left: times });
  }

  clear(): void {
    this.queue = [];
  }

  pending(): number {
    return this.queue.length;
  }

  /** Consumes the delay and answer faults that apply to a request. */
  plan(method: string, path: string, page?: ListPage): FaultPlan {
    const plan: FaultPlan = { delayMs: 0 };
    for (const item of this.queue) {
      const { fault } = item;
      if (fault.kind === 'pagination' || fault.kind === 'records' || !matches(fault, method, path, page))
        continue;
      this.use(item);
      if (fault.kind === 'slow') {
        plan.delayMs += Math.max(0, fault.delayMs);
        continue;
      }
      plan.terminal = fault;
      break;
    }
    this.prune();
    return plan;
  }

  /** Consumes the faults that rewrite a list response at `path`, in order. */
  takeListFaults(path: string, page: number): ListFault[] {
    const out: ListFault[] = [];
    for (const item of this.queue) {
      const { fault } = item;
      if ((fault.kind === 'pagination' || fault.kind === 'records') && matches(fault, 'GET', path, page)) {
        this.use(item);
        out.push(fault);
      }
    }
    this.prune();
    return out;
  }

  private use(item: Pending): void {
    item.left -= 1;
  }

  private prune(): void {
    this.queue = this.queue.filter((item) => item.left > 0);
  }
}

/** Applies list faults to a list body: pagination fields merged (undefined deletes), records replaced. */
export function applyListFaults(
  body: { pagination: Record<string, unknown>; records: unknown[] },
  faults: ListFault[],
): void {
  for (const fault of faults) {
    if (fault.kind === 'records') {
      body.records = fault.records;
      continue;
    }
    for (const [key, value] of Object.entries(fault.override)) {
      if (value === undefined) delete body.pagination[key];
      else body.pagination[key] = value;
    }
  }
}
