import { ApiProperty } from '@nestjs/swagger';

export class AuditEventDto {
  @ApiProperty({ description: 'Storage order (a bigint as a string)', example: '42' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ example: 'auth.sign_in.failed' })
  type: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  actorUserId: string | null;

  @ApiProperty({ type: String, nullable: true })
  actorUsername: string | null;

  @ApiProperty({ type: String, nullable: true, example: '10.0.0.8' })
  ip: string | null;

  @ApiProperty({ type: String, nullable: true })
  userAgent: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'user' })
  subjectType: string | null;

  @ApiProperty({ type: String, nullable: true })
  subjectId: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  agencyId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Readonly<Record<string, unknown>>;

  @ApiProperty({ description: 'SHA-256 over the previous hash and this event' })
  hash: string;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto], description: 'Newest first' })
  items: AuditEventDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as beforeId for the next (older) page' })
  nextBeforeId: string | null;
}

export class AuditVerificationDto {
  @ApiProperty({ description: 'Every stored event links to its predecessor and matches its hash' })
  intact: boolean;

  @ApiProperty({ description: 'Events checked (up to the first break)' })
  events: number;

  @ApiProperty({
    description:
      'Hash of the last intact event. Recording it outside the database (e.g. in the operations log) ' +
      'lets a later check prove that no event was removed from the end.',
  })
  headHash: string;

  @ApiProperty({ type: String, nullable: true })
  brokenAtEventId: string | null;

  @ApiProperty({ type: String, nullable: true, enum: ['prev_hash_mismatch', 'hash_mismatch'] })
  reason: 'prev_hash_mismatch' | 'hash_mismatch' | null;
}
