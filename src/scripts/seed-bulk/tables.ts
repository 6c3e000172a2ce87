// Bulk INSERT through unnest: one parameter per column, so the 65 535-parameter limit never bites.
import type pg from 'pg';

export interface Table {
  name: string;
  columns: readonly (readonly [column: string, type: string])[];
}

export class Rows {
  readonly cols: unknown[][];
  constructor(readonly table: Table) {
    this.cols = table.columns.map(() => []);
  }
  push(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.cols[i].push(values[i]);
  }
  get length(): number {
    return this.cols[0].length;
  }
}

export async function insert(client: pg.ClientBase, rows: Rows): Promise<void> {
  if (rows.length === 0) return;
  const { name, columns } = rows.table;
  const sql =
    `INSERT INTO ${name} (${columns.map(([c]) => `"${c}"`).join(', ')}) ` +
    `SELECT * FROM unnest(${columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`;
  await client.query(sql, rows.cols);
}

export const T = {
  regions: {
    name: 'regions',
    columns: [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['level', 'text'],
      ['parent_id', 'uuid'],
      ['path', 'text'],
      ['depth', 'smallint'],
    ],
  },
  courts: {
    name: 'courts',
    columns: [
      ['id', 'uuid'],
      ['code', 'text'],
      ['designator', 'text'],
      ['name', 'text'],
      ['region_id', 'uuid'],
    ],
  },
  organizations: {
    name: 'organizations',
    columns: [
      ['id', 'uuid'],
      ['name', 'text'],
      ['region_id', 'uuid'],
      ['rooms', 'jsonb'],
    ],
  },
  users: {
    name: 'users',
    columns: [
      ['id', 'uuid'],
      ['username', 'text'],
      ['password_hash', 'text'],
      ['display_name', 'text'],
      ['role', 'text'],
      ['court_id', 'uuid'],
      ['region_id', 'uuid'],
      ['organization_id', 'uuid'],
    ],
  },
  mediatorVillages: {
    name: 'mediator_villages',
    columns: [
      ['mediator_id', 'uuid'],
      ['region_id', 'uuid'],
    ],
  },
  cases: {
    name: 'cases',
    columns: [
      ['id', 'uuid'],
      ['case_number', 'text'],
      ['court_id', 'uuid'],
      ['year', 'smallint'],
      ['sequence', 'int'],
      ['court_reference', 'text'],
      ['mediation_kind', 'text'],
      ['dispute_type', 'text'],
      ['source', 'text'],
      ['summary', 'text'],
      ['claims', 'text'],
      ['received_at', 'timestamptz'],
      ['region_id', 'uuid'],
      ['region_path', 'text'],
      ['status', 'text'],
      ['result', 'text'],
      ['route', 'text'],
      ['dv_flag', 'bool'],
      ['mediator_id', 'uuid'],
      ['accepted_at', 'timestamptz'],
      ['deadline_at', 'timestamptz'],
      ['closed_at', 'timestamptz'],
      ['closure_reason', 'text'],
      ['version', 'int'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
  },
  parties: {
    name: 'parties',
    columns: [
      ['id', 'uuid'],
      ['case_id', 'uuid'],
      ['role', 'text'],
      ['name', 'text'],
      ['gender', 'text'],
      ['id_number_encrypted', 'text'],
      ['id_number_index', 'text'],
      ['id_number_masked', 'text'],
      ['birth_date', 'date'],
      ['ethnicity', 'text'],
      ['occupation', 'text'],
      ['phone_encrypted', 'text'],
      ['phone_index', 'text'],
      ['phone_masked', 'text'],
      ['address_encrypted', 'text'],
      ['region_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
  },
  children: {
    name: 'case_children',
    columns: [
      ['id', 'uuid'],
      ['case_id', 'uuid'],
      ['name', 'text'],
      ['gender', 'text'],
      ['birth_date', 'date'],
      ['residence', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  assignments: {
    name: 'case_assignments',
    columns: [
      ['id', 'uuid'],
      ['case_id', 'uuid'],
      ['mediator_id', 'uuid'],
      ['assigned_by', 'uuid'],
      ['assigned_at', 'timestamptz'],
      ['accepted_at', 'timestamptz'],
      ['ended_at', 'timestamptz'],
      ['end_reason', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
} as const satisfies Record<string, Table>;
