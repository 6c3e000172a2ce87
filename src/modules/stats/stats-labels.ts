import { type DataSource, In } from 'typeorm';
import { label } from '../../common/i18n/labels.js';
import { preparedPoolQuery } from '../../common/sql/prepared.js';
import { Court } from '../courts/court.entity.js';
import { Region } from '../regions/region.entity.js';
import { User } from '../users/user.entity.js';
import type { LinkFilter } from './stats-links.js';
import type { Dimension } from './stats-source.js';

export interface RowLabel {
  label: string;
  /** Sort key: region codes and months in order, the rest by label. */
  order: string;
  /** The list filter (besides the query's) that reproduces the row. */
  filter: LinkFilter;
  /** For month rows: the month's days inside the period. */
  days?: { from: string; to: string };
}

/**
 * The regions whose `column` is one of `values`, three columns of them. Plain SQL, prepared once
 * per connection: building the same query with the find options and hydrating whole entities cost
 * ~0.4 ms for a city's townships, more than running it.
 */
const regionsWhere = (
  ds: DataSource,
  column: 'id' | 'path',
  values: string[],
): Promise<Pick<Region, 'id' | 'name' | 'path'>[]> =>
  preparedPoolQuery(
    ds,
    `SELECT id, name, path FROM regions WHERE ${column} = ANY($1::${column === 'id' ? 'uuid' : 'varchar'}[])`,
    [values],
  );

/** Names for the group keys of a breakdown, read in one query per dimension. */
export async function labelsOf(
  ds: DataSource,
  by: Dimension,
  keys: string[],
): Promise<Map<string, RowLabel>> {
  const real = keys.filter((k) => k !== 'none');
  const labels = new Map<string, RowLabel>();
  switch (by) {
    case 'township': {
      const regions = await regionsWhere(ds, 'path', real);
      for (const r of regions)
        labels.set(r.path, { label: r.name, order: r.path, filter: { regionId: r.id } });
      break;
    }
    case 'village': {
      const regions = await regionsWhere(ds, 'id', real);
      for (const r of regions)
        labels.set(r.id, { label: r.name, order: r.path, filter: { regionId: r.id } });
      break;
    }
    case 'mediator': {
      const users = await ds
        .getRepository(User)
        .find({ select: { id: true, displayName: true }, where: { id: In(real) } });
      for (const u of users)
        labels.set(u.id, {
          label: u.displayName,
          order: u.displayName,
          filter: { mediatorId: u.id },
        });
      labels.set('none', { label: '未分配', order: '\uffff', filter: { assigned: false } });
      break;
    }
    case 'court': {
      const courts = await ds
        .getRepository(Court)
        .find({ select: { id: true, name: true, code: true }, where: { id: In(real) } });
      for (const c of courts)
        labels.set(c.id, { label: c.name, order: c.code, filter: { courtId: c.id } });
      break;
    }
    case 'disputeType':
      for (const k of real)
        labels.set(k, {
          label: label('disputeTypeShort', k),
          order: k,
          filter: { disputeType: k },
        });
      break;
    case 'dvFlag':
      for (const k of real)
        labels.set(k, {
          label: k === 'true' ? '涉家暴' : '未涉家暴',
          order: k === 'true' ? '0' : '1',
          filter: { dvFlag: k === 'true' },
        });
      break;
    case 'month':
      for (const k of real) labels.set(k, { label: k.slice(0, 7), order: k, filter: {} });
      break;
  }
  return labels;
}
