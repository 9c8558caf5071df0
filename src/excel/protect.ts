/**
 * Protected writes: a write on a protected sheet lifts its protection and puts it back as it was,
 * in the same batch; when a write batch fails, `commit` puts back the events and every lifted
 * protection (`recover`, one or two more syncs, only on that error path) before the error goes on.
 */
import type { ProtectionSeen } from './scan';

/** A sheet whose protection a write batch lifts, to be put back if the batch fails. */
export interface Lifted {
  ws: Excel.Worksheet;
  options: Excel.WorksheetProtectionOptions | undefined;
}

/**
 * Runs `write` on a sheet with its protection lifted, put back as it was, in the same batch.
 * The sheet is noted in `lifted` so that `recover` can protect it again when the batch fails
 * between the two (an Office.js batch is not a transaction: what ran before the failing
 * operation stays done).
 */
export function unprotected(ws: Excel.Worksheet, seen: ProtectionSeen | undefined, write: () => void, lifted?: Lifted[]): void {
  const wasProtected = seen ? seen.protected : true;
  if (wasProtected) {
    ws.protection.unprotect();
    lifted?.push({ ws, options: seen ? seen.options : undefined });
  }
  write();
  if (wasProtected) ws.protection.protect(seen ? seen.options : undefined);
}

/**
 * After a failed write batch: events back as they were and every lifted protection put back,
 * in one or two more syncs (only on this error path). Failures here are swallowed: the error
 * worth reporting is the one that made the batch fail.
 */
export async function recover(ctx: Excel.RequestContext, lifted: Lifted[], eventsWere: boolean | null): Promise<void> {
  try {
    if (eventsWere !== null) ctx.runtime.enableEvents = eventsWere;
    for (const l of lifted) l.ws.protection.load('protected');
    await ctx.sync();
    let again = false;
    for (const l of lifted) {
      if (l.ws.protection.protected) continue;
      l.ws.protection.protect(l.options);
      again = true;
    }
    if (again) await ctx.sync();
  } catch {
    // keep the original error
  }
}

/**
 * The write batch's sync: `queue` adds its last operations, then one sync. When either fails,
 * events and lifted protections come back (`recover`) and the error goes on to the caller.
 */
export async function commit(ctx: Excel.RequestContext, lifted: Lifted[], eventsWere: boolean | null, queue?: () => void): Promise<void> {
  try {
    queue?.();
    await ctx.sync();
  } catch (e) {
    await recover(ctx, lifted, eventsWere);
    throw e;
  }
}
