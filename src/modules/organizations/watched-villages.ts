import { In, type EntityManager } from 'typeorm';
import { fieldError, type FieldError } from '../../common/errors/domain-error.js';
import { Region } from '../regions/region.entity.js';
import { OrganizationWatchedVillage } from './organization.entity.js';
import { OrganizationCode } from './organizations.codes.js';

/**
 * The villages a sentinel point watches: each a village-level region inside the organisation's
 * region. Field errors name the offending entry (`watchedVillageIds.<i>`).
 */
export async function checkWatchedVillages(
  manager: EntityManager,
  orgRegionPath: string,
  ids: string[],
): Promise<FieldError[]> {
  if (ids.length === 0) return [];
  const found = await manager.findBy(Region, { id: In([...new Set(ids)]) });
  return ids.flatMap((id, i) => {
    const region = found.find((r) => r.id === id);
    const field = `watchedVillageIds.${i}`;
    if (!region || region.level !== 'village')
      return [fieldError(field, OrganizationCode.WatchedVillageNotVillage)];
    if (!region.path.startsWith(orgRegionPath))
      return [fieldError(field, OrganizationCode.WatchedVillageOutsideRegion)];
    return [];
  });
}

/** Replaces an organisation's watched villages with `ids`. */
export async function replaceWatchedVillages(
  manager: EntityManager,
  organizationId: string,
  ids: string[],
): Promise<void> {
  await manager.delete(OrganizationWatchedVillage, { organizationId });
  const unique = [...new Set(ids)];
  if (unique.length > 0)
    await manager.insert(
      OrganizationWatchedVillage,
      unique.map((regionId) => ({ organizationId, regionId })),
    );
}

/** The watched villages of each organisation named, by organisation id. */
export async function watchedVillagesOf(
  manager: EntityManager,
  organizationIds: string[],
): Promise<Map<string, string[]>> {
  const byOrg = new Map<string, string[]>(organizationIds.map((id) => [id, []]));
  if (organizationIds.length === 0) return byOrg;
  const rows = await manager.findBy(OrganizationWatchedVillage, {
    organizationId: In(organizationIds),
  });
  for (const row of rows) byOrg.get(row.organizationId)?.push(row.regionId);
  return byOrg;
}
