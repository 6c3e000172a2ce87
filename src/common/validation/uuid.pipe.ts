import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { fieldError, validationFailed } from '../errors/domain-error.js';
import { ValidationCode } from '../i18n/common.codes.js';

/** `@Param('id', UuidPipe)`: a malformed id is a 400 naming the parameter, never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    throw validationFailed([fieldError(field, ValidationCode.IsUuid)]);
  }
}
