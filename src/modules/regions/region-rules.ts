import { type FieldError, fieldError } from '../../common/errors/domain-error.js';
import { REGION_LEVELS, RegionLevel } from './region.entity.js';
import { RegionCode } from './regions.codes.js';

/** City → county → township → village: a child is exactly one level below its parent. */
export function levelFits(level: RegionLevel, parentLevel: RegionLevel | null): boolean {
  if (parentLevel === null) return level === 'city';
  return REGION_LEVELS.indexOf(level) === REGION_LEVELS.indexOf(parentLevel) + 1;
}

export const childPath = (parentPath: string | null, code: string): string =>
  `${parentPath ?? ''}${code}.`;

export function levelError(
  level: RegionLevel,
  parentLevel: RegionLevel | null,
  field = 'level',
): FieldError | null {
  if (levelFits(level, parentLevel)) return null;
  return parentLevel
    ? fieldError(field, RegionCode.LevelUnderParent, { level, parentLevel })
    : fieldError(field, RegionCode.LevelNeedsParent, { level });
}
