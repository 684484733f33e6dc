import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_TYPES, type AgencyType } from '../agency-type.js';

export class AgencyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'tc-zrzyj' })
  code: string;

  @ApiProperty({ example: '郯城县自然资源局' })
  name: string;

  @ApiProperty({ example: '县自然资源局' })
  shortName: string;

  @ApiProperty({ enum: AGENCY_TYPES })
  type: AgencyType;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId: string | null;

  @ApiProperty({ description: 'The 政府信息公开工作主管部门 (条例 Art. 3): its users may be supervisors' })
  isSupervisor: boolean;

  @ApiProperty()
  officeAddress: string;

  @ApiProperty()
  officePostcode: string;

  @ApiProperty()
  officePhone: string;

  @ApiProperty()
  officeHours: string;

  @ApiProperty()
  website: string;

  @ApiProperty({ example: '郯自然资信复' })
  docNumberPrefix: string;

  @ApiProperty({ example: '郯城县人民政府' })
  reconsiderationBodyName: string;

  @ApiProperty()
  reconsiderationBodyAddress: string;

  @ApiProperty({
    description: 'The reconsideration body follows the rule (复议法 Art. 24, 27) rather than typed text',
  })
  reconsiderationBodyDerived: boolean;

  @ApiProperty({ example: '有管辖权的人民法院' })
  courtName: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ description: 'Send it back with changes (optimistic locking)' })
  version: number;
}

export class ReconsiderationBodyDefaultDto {
  @ApiProperty({ description: 'Whether the rule determines the body for this type and parent' })
  derivable: boolean;

  @ApiProperty({ type: String, nullable: true, example: '郯城县人民政府' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ type: String, nullable: true, example: '行政复议法第二十四条第一款第（一）项' })
  basis: string | null;

  @ApiProperty({
    description:
      'The law names this body (复议法 Art. 24): the agency may print no other (its address may be typed). ' +
      'false: only a suggestion (Art. 27, vertical agencies) or not derivable',
  })
  fixed: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Why it must be typed, when not derivable' })
  reason: string | null;
}
