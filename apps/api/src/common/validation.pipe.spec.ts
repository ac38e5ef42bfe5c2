import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { AppException } from './app.exception';
import { createValidationPipe, validationMessage } from './validation.pipe';

class ExampleDto {
  @IsUUID()
  delegationId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  title!: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  venue?: string;

  @IsOptional()
  @IsString()
  @MinLength(3)
  code?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  number?: number;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'note must not be empty' })
  note?: string;
}

async function refusal(body: unknown): Promise<AppException> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: ExampleDto });
  } catch (error) {
    if (error instanceof AppException) return error;
    throw error;
  }
  throw new Error('the pipe accepted the body');
}

describe(createValidationPipe.name, () => {
  it('says what to do instead of naming a type: an id to choose again, a field to leave out, a field to fill in', async () => {
    const error = await refusal({ delegationId: 'egypt', title: '', colour: 'red' });
    expect(error.code).toBe('validation-failed');
    expect(error.message).toBe(
      'The request was not accepted: colour is not something this request takes: leave it out; delegationId must be the id of an existing record: choose the record again from its list; title is empty: fill it in. Correct these and send it again.',
    );
    expect(error.message).not.toMatch(/UUID|should not exist/);
  });

  it('turns a bound into what to do: fill in, lengthen, shorten, raise or lower', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await refusal({ delegationId: id, title: 'x'.repeat(11) })).details).toEqual(['title is too long: shorten it to 10 characters at most']);
    expect((await refusal({ delegationId: id, title: 'x', venue: '' })).details).toEqual(['venue is empty: fill it in']);
    expect((await refusal({ delegationId: id, title: 'x', code: 'ab' })).details).toEqual(['code is too short: give at least 3 characters']);
    expect((await refusal({ delegationId: id, title: 'x', number: 1001 })).details).toEqual(['number is too large: give 1000 or less']);
    expect((await refusal({ delegationId: id, title: 'x', number: -1 })).details).toEqual(['number is too small: give 0 or more']);
  });

  it('keeps the message a DTO wrote itself for a bound', async () => {
    expect((await refusal({ delegationId: '00000000-0000-4000-8000-000000000000', title: 'x', note: '' })).details).toEqual(['note must not be empty']);
  });

  it('accepts a valid body', async () => {
    const body = { delegationId: '00000000-0000-4000-8000-000000000000', title: 'Scope' };
    await expect(createValidationPipe().transform(body, { type: 'body', metatype: ExampleDto })).resolves.toMatchObject(body);
  });
});

describe(validationMessage.name, () => {
  it('is one sentence for one problem or several', () => {
    expect(validationMessage(['a is missing: give it'])).toBe('The request was not accepted: a is missing: give it. Correct this and send it again.');
    expect(validationMessage([])).toBe('The request was not accepted: it does not have the expected form. Correct this and send it again.');
  });
});
