import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?page=1&pageSize=20` (max 100), as docs/design/api.md sets for every list. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const pageOf = <T>(items: T[], total: number, query: PageQuery): Page<T> => ({
  items,
  page: query.page,
  pageSize: query.pageSize,
  total,
});

/** OpenAPI shape of a page; subclass with the item type: `class UserPage extends PageView(UserView) {}`. */
export function PageView<T>(item: new () => T): new () => Page<T> {
  class PageOf implements Page<T> {
    @ApiProperty({ type: () => [item] })
    items: T[];

    @ApiProperty({ type: 'integer', minimum: 1 })
    page: number;

    @ApiProperty({ type: 'integer', minimum: 1 })
    pageSize: number;

    @ApiProperty({ type: 'integer', minimum: 0 })
    total: number;
  }
  return PageOf;
}
