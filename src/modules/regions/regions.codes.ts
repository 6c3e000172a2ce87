// By name, the codes whose texts are in regions.messages.ts; why named: src/codes.ts.

/** The regions' codes: the tree's levels and the CSV import. */
export const RegionCode = {
  NotFound: 'REGION.NOT_FOUND',
  NoSuchRegion: 'REGION.NO_SUCH_REGION',
  CodeTaken: 'REGION.CODE_TAKEN',
  LevelUnderParent: 'REGION.LEVEL_UNDER_PARENT',
  LevelNeedsParent: 'REGION.LEVEL_NEEDS_PARENT',
  CsvContentType: 'REGION.CSV_CONTENT_TYPE',
  CsvUnreadable: 'REGION.CSV_UNREADABLE',
  CsvEmpty: 'REGION.CSV_EMPTY',
  CsvTooManyRows: 'REGION.CSV_TOO_MANY_ROWS',
  CsvHeaderMissing: 'REGION.CSV_HEADER_MISSING',
  CsvParentUnknown: 'REGION.CSV_PARENT_UNKNOWN',
  CsvCodeConflict: 'REGION.CSV_CODE_CONFLICT',
  ParentCodeFormat: 'REGION.PARENT_CODE_FORMAT',
  NameLength: 'REGION.NAME_LENGTH',
  LevelUnknown: 'REGION.LEVEL_UNKNOWN',
} as const;
export type RegionCode = (typeof RegionCode)[keyof typeof RegionCode];
