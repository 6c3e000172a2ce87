import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { ValidationCode } from '../i18n/common.codes.js';
import { idNumberProblem, isIdNumber, isMobile, isRegionCode } from './chinese.js';

// Each message is a code of the common catalogue (common.messages.ts): the validation pipe
// passes it on, and the filter writes its text in the reader's language.

export const IsIdNumber = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isIdNumber',
      validator: {
        validate: (value: unknown) => isIdNumber(value),
        defaultMessage: (args) => idNumberProblem(args?.value) ?? ValidationCode.IdNumberFormat,
      },
    },
    options,
  );

export const IsMobile = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isMobile',
      validator: {
        validate: (value: unknown) => isMobile(value),
        defaultMessage: () => ValidationCode.MobileFormat,
      },
    },
    options,
  );

export const IsRegionCode = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isRegionCode',
      validator: {
        validate: (value: unknown) => isRegionCode(value),
        defaultMessage: () => ValidationCode.RegionCodeFormat,
      },
    },
    options,
  );

/**
 * A field of an update body that may be left out (unchanged) but not set to null. @IsOptional()
 * skips validation for null too, and null then reached NOT NULL columns (500); with this, null
 * is validated like any other value and refused (400).
 */
export const IsOmittable = (): PropertyDecorator =>
  ValidateIf((_dto: object, value: unknown) => value !== undefined);
