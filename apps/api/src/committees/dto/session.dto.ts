import { PartialUpdate } from '../../common/validation.pipe';
import type { SessionRequest } from '@concord/domain';
import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CreateSessionDto implements SessionRequest {
  @ApiProperty({ example: 1, description: '0 for the organizational session' })
  @IsInt()
  @Min(0)
  @Max(1000)
  number!: number;

  @ApiProperty({ example: 'First session' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 'New York' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  venue!: string;

  @ApiProperty({ example: '2027-01-10' })
  @Matches(DAY, { message: 'startDate must be a date written YYYY-MM-DD' })
  startDate!: string;

  @ApiProperty({ example: '2027-01-21' })
  @Matches(DAY, { message: 'endDate must be a date written YYYY-MM-DD' })
  endDate!: string;

  @ApiProperty({ example: '2026-12-15T23:59:00Z' })
  @IsISO8601({ strict: true }, { message: 'proposalDeadline must be an ISO 8601 date and time' })
  proposalDeadline!: string;
}

@PartialUpdate()
export class UpdateSessionDto extends PartialType(CreateSessionDto) {}
