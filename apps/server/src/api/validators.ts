import { applyDecorators } from '@nestjs/common';
import { Matches, ValidateBy, IsISO8601 } from 'class-validator';
import { isValidCpr, isValidCvr } from '@brobygger/domain';

/** 8 digits passing the modulus-11 check (Erhvervsstyrelsen). */
export const IsCvr = () =>
  ValidateBy({
    name: 'isCvr',
    validator: {
      validate: (value) => isValidCvr(value),
      defaultMessage: () => 'cvr must be 8 digits that pass the CVR modulus-11 check',
    },
  });

/** DDMMYY-SSSS (or 10 digits) with a real birth date. The message never contains the value. */
export const IsCpr = () =>
  ValidateBy({
    name: 'isCpr',
    validator: {
      validate: (value) => isValidCpr(value),
      defaultMessage: () => 'cpr must be a CPR number DDMMYY-SSSS with a real date',
    },
  });

/** A calendar date, YYYY-MM-DD. */
export const IsDateOnly = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be a date YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: ({ property }) => `${property} must be a real date` }),
  );

export const IsPostcode = () =>
  Matches(/^[1-9]\d{3}$/, { message: ({ property }) => `${property} must be a Danish postcode of 4 digits` });
