import { ValidateBy, ValidateIf, ValidationOptions, buildMessage } from 'class-validator';
import { isIdNumber, isMobile, isRegionCode } from './chinese.js';

export const IsIdNumber = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isIdNumber',
      validator: {
        validate: (value: unknown) => isIdNumber(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an 18-digit national ID number with a valid birth date and check digit`,
          options,
        ),
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
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an 11-digit mainland mobile number`,
          options,
        ),
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
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a 12-digit region code`,
          options,
        ),
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
