import type { RequestContext } from '../context/request-context.js';

/**
 * Where ScopeService records a read it refused. Common only declares it; the audit module
 * provides it (as an `access.denied` audit row), so common needs no feature module.
 */
export interface RefusedAccessSink {
  /** Records, on its own, that the caller asked for an object outside her scope. */
  refusedAccess(ctx: RequestContext, entity: { type: string; id: string }): Promise<void>;
}

export const REFUSED_ACCESS_SINK = Symbol('REFUSED_ACCESS_SINK');
