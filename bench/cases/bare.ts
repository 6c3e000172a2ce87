// The bare baseline: Fastify + pg + jsonwebtoken, the JSON built by hand as the views build it.
import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';
import { FieldCipher } from '../../src/common/crypto/field-cipher.js';
import type { Env } from '../../src/config/env.js';
import { SESSION_USER_SQL, SESSION_USER_STATEMENT } from '../../src/modules/auth/session-lookup.js';
import { daysLeft } from '../../src/modules/cases/clock/case-clock.js';
import { claimsOf, UUID } from '../support.js';
import { bind, type DetailSql, type DetailTable, type ListSql } from './capture.js';
import { CASES_PATH } from './settings.js';

type Row = Record<string, unknown>;
type Rows = Partial<Record<DetailTable, Row[]>>;

/** TypeORM selects `"Case"."case_number" AS "Case_case_number"`: drop the alias prefix. */
function unaliased(row: Row): Row {
  const out: Row = {};
  for (const key in row) out[key.slice(key.indexOf('_') + 1)] = row[key];
  return out;
}
const isoOrNull = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : null;
const iso = (value: unknown): string => (value as Date).toISOString();
const DAY = 86_400_000;
const ms = (value: unknown): number => (value as Date).getTime();

/** The guard's session lookup: the service's own statement, prepared under its name. */
async function sessionUser(pool: pg.Pool, claims: { sub: string; sid: string }): Promise<Row> {
  const { rows } = await pool.query<Row>({
    name: SESSION_USER_STATEMENT,
    text: SESSION_USER_SQL,
    values: [claims.sid, claims.sub],
  });
  return rows[0];
}

/** caseDetailOf + stageRecords (cases/case-detail.ts), for a supervisor (she sees session records). */
function detailBody(c: Row, rows: Rows, cipher: FieldCipher, now: Date): unknown {
  const deadline = c.deadline_at as Date | null;
  const parties = rows.parties ?? [];
  const ordered = [...parties].sort((a, b) =>
    a.role === b.role ? 0 : a.role === 'applicant' ? -1 : 1,
  );
  const tracking = rows.case_tracking?.[0];
  return {
    id: c.id,
    caseNumber: c.case_number,
    courtReference: c.court_reference,
    courtId: c.court_id,
    regionId: c.region_id,
    mediationKind: c.mediation_kind,
    disputeType: c.dispute_type,
    source: c.source,
    status: c.status,
    result: c.result,
    route: c.route,
    dvFlag: c.dv_flag,
    mediatorId: c.mediator_id,
    receivedAt: iso(c.received_at),
    acceptedAt: isoOrNull(c.accepted_at),
    deadlineAt: isoOrNull(deadline),
    daysLeft: deadline && c.status !== 'closed' ? daysLeft(deadline, now) : null,
    closedAt: isoOrNull(c.closed_at),
    version: c.version,
    partyNames: ordered.map((p) => p.name),
    summary: c.summary,
    claims: c.claims,
    closureReason: c.closure_reason,
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      gender: p.gender,
      idNumber: p.id_number_masked,
      birthDate: p.birth_date,
      ethnicity: p.ethnicity,
      occupation: p.occupation,
      phone: p.phone_masked,
      hasAddress: p.address_encrypted !== null,
      regionId: p.region_id,
    })),
    children: (rows.case_children ?? []).map((k) => ({
      id: k.id,
      name: k.name,
      gender: k.gender,
      birthDate: k.birth_date,
      residence: k.residence,
    })),
    consents: (rows.case_consents ?? []).map((k) => ({
      partyId: k.party_id,
      decision: k.decision,
      method: k.method,
      recordedAt: iso(k.decided_at),
      recordedBy: k.recorded_by,
    })),
    screenings: (rows.case_screenings ?? []).map((s) => {
      const { answers, notes } = JSON.parse(cipher.decrypt(s.answers_encrypted as string)) as {
        answers: Record<string, boolean>;
        notes: string | null;
      };
      return {
        partyId: s.party_id,
        answers,
        notes,
        dvIndicator: s.dv_indicator,
        recommendation: s.recommendation,
        protectionOrderReferral: s.protection_order_referred_at
          ? {
              urgent: Boolean(s.protection_order_urgent),
              referredAt: iso(s.protection_order_referred_at),
              rulingDueAt: iso(s.protection_order_ruling_due_at),
            }
          : null,
        screenedAt: iso(s.screened_at),
      };
    }),
    assignments: (rows.case_assignments ?? []).map((a) => ({
      mediatorId: a.mediator_id,
      assignedAt: iso(a.assigned_at),
      acceptedAt: isoOrNull(a.accepted_at),
      endedAt: isoOrNull(a.ended_at),
      endReason: a.end_reason,
    })),
    extensions: (rows.case_extensions ?? []).map((e) => ({
      days: e.days,
      reason: e.reason,
      previousDeadline: iso(e.previous_deadline),
      newDeadline: iso(e.new_deadline),
    })),
    sessions: (rows.case_sessions ?? []).map((s) => ({
      id: s.id,
      caseId: s.case_id,
      scheduledAt: iso(s.scheduled_at),
      durationMinutes: s.duration_minutes,
      location: s.location,
      mode: s.mode,
      format: s.format,
      status: s.status,
      cancelReason: s.cancel_reason,
      recorded: s.record !== null,
      record: s.record,
      warnings: [],
    })),
    outcomes: (rows.case_outcomes ?? []).map((o) => ({
      result: o.result,
      route: o.route,
      agreement: o.agreement,
      notes: o.notes,
      submittedAt: iso(o.submitted_at),
      reviewDecision: o.review_decision,
      reviewComment: o.review_comment,
    })),
    tracking: tracking
      ? {
          courtCaseNumber: tracking.court_case_number,
          filedAt: tracking.filed_at,
          jcAppliedAt: tracking.jc_applied_at,
          jcAcceptedAt: tracking.jc_accepted_at,
          jcDecidedAt: tracking.jc_decided_at,
          jcResult: tracking.jc_result,
          jcRulingNumber: tracking.jc_ruling_number,
          registryAppliedAt: tracking.registry_applied_at,
          registryCertificateAt: tracking.registry_certificate_at,
          jcAcceptanceOverdue: Boolean(
            tracking.jc_applied_at &&
            !tracking.jc_accepted_at &&
            now.getTime() - ms(tracking.jc_applied_at) > 3 * DAY,
          ),
          jcDecisionOverdue: Boolean(
            tracking.jc_accepted_at &&
            !tracking.jc_decided_at &&
            now.getTime() - ms(tracking.jc_accepted_at) > 15 * DAY,
          ),
          registryCoolingOffEndsAt: tracking.registry_applied_at
            ? new Date(ms(tracking.registry_applied_at) + 30 * DAY).toISOString()
            : null,
          registryCertificateDueAt: tracking.registry_applied_at
            ? new Date(ms(tracking.registry_applied_at) + 60 * DAY).toISOString()
            : null,
        }
      : null,
    // The bench reads as a supervisor, who may read every type.
    documents: (rows.documents ?? []).map((d) => ({
      id: d.id,
      type: d.type,
      title: d.title,
      version: d.version,
      issuedAt: (d.issued_at as Date).toISOString(),
      supersededAt: isoOrNull(d.superseded_at),
    })),
    followUps: (rows.case_follow_ups ?? []).map((f) => ({
      id: f.id,
      kind: f.kind,
      dueOn: f.due_on,
      visitedAt: isoOrNull(f.visited_at),
      performance: f.performance,
      satisfaction: f.satisfaction,
    })),
  };
}

/** What the guard, CasesService.detail and the views do for a supervisor, by hand. */
export async function startBare(env: Env, pool: pg.Pool, sql: DetailSql): Promise<FastifyInstance> {
  const cipher = new FieldCipher(env.DATA_ENCRYPTION_KEYS, env.BLIND_INDEX_KEY);
  const server = Fastify({ logger: false });
  server.get<{ Params: { id: string } }>(`${CASES_PATH}/:id`, async (request, reply) => {
    const claims = claimsOf(env, request.headers.authorization);
    if (!claims) return reply.status(401).send({ code: 'AUTH.UNAUTHENTICATED' });
    const slots = { case: request.params.id, ...claims };
    const user = await sessionUser(pool, claims);
    if (!user) return reply.status(401).send({ code: 'AUTH.UNAUTHENTICATED' });
    if (user.role !== 'supervisor') return reply.status(403).send({ code: 'AUTH.FORBIDDEN' });
    if (!UUID.test(slots.case)) return reply.status(400).send({ code: 'VALIDATION_FAILED' });
    const found = (await pool.query<Row>(sql.caseRow.sql, bind(sql.caseRow, slots))).rows[0];
    const c = found && unaliased(found);
    const scope = user.scope_path as string | null;
    if (!c || !scope || !(c.region_path as string).startsWith(scope))
      return reply.status(404).send({ code: 'CASE.NOT_FOUND' });
    const rows: Rows = {};
    for (const group of sql.groups) {
      await Promise.all(
        Object.entries(group).map(async ([table, st]) => {
          const result = await pool.query<Row>(st.sql, bind(st, slots));
          rows[table as DetailTable] = result.rows.map(unaliased);
        }),
      );
    }
    return detailBody(c, rows, cipher, new Date());
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return server;
}

/** The guard and listCases for a clerk's page without filters, by hand (CaseSummaryView.of). */
export async function startBareList(
  env: Env,
  pool: pg.Pool,
  sql: ListSql,
  countCap: number,
): Promise<FastifyInstance> {
  const server = Fastify({ logger: false });
  server.get(CASES_PATH, async (request, reply) => {
    const claims = claimsOf(env, request.headers.authorization);
    if (!claims) return reply.status(401).send({ code: 'AUTH.UNAUTHENTICATED' });
    const slots = { case: '', ...claims };
    const user = await sessionUser(pool, claims);
    if (!user) return reply.status(401).send({ code: 'AUTH.UNAUTHENTICATED' });
    if (user.role !== 'clerk') return reply.status(403).send({ code: 'AUTH.FORBIDDEN' });
    const rows = (await pool.query<Row>(sql.page.sql, bind(sql.page, slots))).rows;
    const now = new Date();
    const total = (rows[0]?.total as number | undefined) ?? 0;
    return {
      items: rows.map((c) => {
        const deadline = c.deadlineAt as Date | null;
        return {
          id: c.id,
          caseNumber: c.caseNumber,
          courtReference: c.courtReference,
          courtId: c.courtId,
          regionId: c.regionId,
          mediationKind: c.mediationKind,
          disputeType: c.disputeType,
          source: c.source,
          status: c.status,
          result: c.result,
          route: c.route,
          dvFlag: c.dvFlag,
          mediatorId: c.mediatorId,
          receivedAt: iso(c.receivedAt),
          acceptedAt: isoOrNull(c.acceptedAt),
          deadlineAt: isoOrNull(deadline),
          daysLeft: deadline && c.status !== 'closed' ? daysLeft(deadline, now) : null,
          closedAt: isoOrNull(c.closedAt),
          version: c.version,
          partyNames: c.partyNames ?? [],
        };
      }),
      page: 1,
      pageSize: 20,
      total: Math.min(total, countCap),
      totalExact: total <= countCap,
    };
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return server;
}
