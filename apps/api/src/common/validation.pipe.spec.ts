import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
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

  it("keeps a constraint's own message where it already says what is expected", async () => {
    const error = await refusal({ delegationId: '00000000-0000-4000-8000-000000000000', title: 'x'.repeat(11) });
    expect(error.message).toBe('The request was not accepted: title must be shorter than or equal to 10 characters. Correct this and send it again.');
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
