import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit-actor.js';
import { AuditService } from '../audit/audit.service.js';
import { fieldChanges } from '../audit/field-changes.js';
import { DomainError, type FieldError } from '../common/errors/domain-error.js';
import { remedyProfileProblems } from '../letters/remedy.rules.js';
import { parentProblem } from './agency-hierarchy.rules.js';
import { agencyNodeOf as nodeOf, loadAgencyNodes as loadNodes } from './agency-nodes.js';
import { AgencyUsageRegistry } from './agency-usage.registry.js';
import { Agency } from './agency.entity.js';
import type { AgencyDto, ReconsiderationBodyDefaultDto } from './dto/agency.dto.js';
import type { CreateAgencyDto } from './dto/create-agency.dto.js';
import type { ListAgenciesQuery, RemedyDefaultQuery } from './dto/remedy-default.query.js';
import type { UpdateAgencyDto } from './dto/update-agency.dto.js';
import {
  defaultReconsiderationBody,
  forbiddenReconsiderationBodies,
  requiredReconsiderationBody,
  type AgencyNode,
} from './remedy-body.rules.js';

const COURT_DEFAULT = '有管辖权的人民法院';
const PROFILE_FIELDS = [
  'name',
  'shortName',
  'type',
  'parentId',
  'isSupervisor',
  'officeAddress',
  'officePostcode',
  'officePhone',
  'officeHours',
  'website',
  'docNumberPrefix',
  'reconsiderationBodyName',
  'reconsiderationBodyAddress',
  'reconsiderationBodyDerived',
  'courtName',
  'active',
] as const;

/**
 * Agencies and their letter/remedy profile. The directory is readable by every signed-in user (it is
 * the public contact list letters print and Art. 36(五) replies refer to); only admins change it.
 */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly usage: AgencyUsageRegistry,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListAgenciesQuery): Promise<AgencyDto[]> {
    const agencies = await this.dataSource.getRepository(Agency).find({
      where: query.includeInactive === 'true' ? {} : { active: true },
      order: { code: 'ASC' },
    });
    return agencies.map(toAgencyDto);
  }

  async get(id: string): Promise<AgencyDto> {
    const agency = await this.dataSource.getRepository(Agency).findOneBy({ id });
    if (!agency) throw DomainError.notFound('机关');
    return toAgencyDto(agency);
  }

  async remedyDefault(query: RemedyDefaultQuery): Promise<ReconsiderationBodyDefaultDto> {
    const nodes = await loadNodes(this.dataSource.manager);
    const result = defaultReconsiderationBody({ type: query.type, parentId: query.parentId ?? null }, nodes);
    return result.derivable
      ? {
          derivable: true,
          name: result.name,
          address: result.address,
          basis: result.basis,
          fixed: result.fixed,
          reason: null,
        }
      : { derivable: false, name: null, address: null, basis: null, fixed: false, reason: result.reason };
  }

  async create(dto: CreateAgencyDto, actor: AuditActor): Promise<AgencyDto> {
    return this.dataSource.transaction(async (m) => {
      await lockAgencies(m);
      const nodes = await loadNodes(m);
      const parentId = dto.parentId ?? null;
      const problems: FieldError[] = [];
      checkParent(problems, { type: dto.type }, parentId, nodes);
      if (parentId && (await m.findOneBy(Agency, { id: parentId }))?.active === false) {
        problems.push({ field: 'parentId', message: '上级机关已停用' });
      }
      const body = reconsiderationBody(dto, { type: dto.type, parentId }, nodes, problems);
      checkRemedyProfile(problems, { ...body, type: dto.type, name: dto.name, parentId }, nodes);
      if (problems.length > 0) throw DomainError.validation(problems);
      if (await m.existsBy(Agency, { code: dto.code })) {
        throw new DomainError('AGENCY_CODE_TAKEN', `机关代码 ${dto.code} 已被使用。`);
      }
      const agency = await m.save(
        m.create(Agency, {
          ...dto,
          parentId,
          isSupervisor: dto.isSupervisor ?? false,
          courtName: dto.courtName ?? COURT_DEFAULT,
          ...body,
          active: true,
        }),
      );
      await this.audit.append(m, {
        type: 'agency.created',
        actor,
        subject: { type: 'agency', id: agency.id },
        agencyId: agency.id,
        details: { profile: pick(agency) },
      });
      return toAgencyDto(agency);
    });
  }

  async update(id: string, dto: UpdateAgencyDto, actor: AuditActor): Promise<AgencyDto> {
    return this.dataSource.transaction(async (m) => {
      await lockAgencies(m);
      const agency = await m.findOneBy(Agency, { id });
      if (!agency) throw DomainError.notFound('机关');
      if (agency.version !== dto.version) {
        throw new DomainError('STALE_VERSION', '该机关已被他人修改，请刷新后重试。');
      }
      const before = pick(agency);
      const { version: _version, deriveReconsiderationBody, ...fields } = dto;
      const nodes = await loadNodes(m);
      const type = fields.type ?? agency.type;
      const parentId = fields.parentId === undefined ? agency.parentId : fields.parentId;
      const problems: FieldError[] = [];
      if (type !== agency.type || parentId !== agency.parentId) {
        checkParent(problems, { id, type }, parentId, nodes);
        // The agency's own sub-agencies must still fit under it.
        const after = withNode(nodes, { ...nodeOf(agency), type, parentId });
        for (const child of [...after.values()].filter((n) => n.parentId === id)) {
          if (parentProblem(child, id, after)) {
            problems.push({ field: 'type', message: `下级机关“${child.name}”不能隶属于这一类型的机关` });
          }
        }
      }
      Object.assign(agency, fields, { type, parentId });
      const typed =
        fields.reconsiderationBodyName !== undefined || fields.reconsiderationBodyAddress !== undefined;
      if (typed) {
        agency.reconsiderationBodyDerived = false;
      } else if (deriveReconsiderationBody || agency.reconsiderationBodyDerived) {
        const derived = defaultReconsiderationBody(agency, withNode(nodes, nodeOf(agency)));
        if (derived.derivable) {
          Object.assign(agency, {
            reconsiderationBodyName: derived.name,
            reconsiderationBodyAddress: derived.address,
            reconsiderationBodyDerived: true,
          });
        } else {
          problems.push({ field: 'reconsiderationBodyName', message: derived.reason });
        }
      }
      checkRemedyProfile(problems, agency, withNode(nodes, nodeOf(agency)));
      if (problems.length > 0) throw DomainError.validation(problems);
      const saved = await m.save(agency);
      const changes = fieldChanges(before, pick(saved), PROFILE_FIELDS);
      if (Object.keys(changes).length > 0) {
        await this.audit.append(m, {
          type: 'agency.updated',
          actor,
          subject: { type: 'agency', id },
          agencyId: id,
          details: { changes },
        });
      }
      await this.followDerivedBodies(m, actor, id, before.name !== saved.name ? before.name : null);
      return toAgencyDto(saved);
    });
  }

  /** Deletes an agency nothing refers to; one in use (users, sub-agencies, cases…) can only be deactivated. */
  async remove(id: string, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await lockAgencies(m);
      const agency = await m.findOneBy(Agency, { id });
      if (!agency) throw DomainError.notFound('机关');
      const usedBy = await this.usage.usagesOf(m, id);
      if (usedBy.length > 0) {
        throw new DomainError(
          'AGENCY_IN_USE',
          `“${agency.name}”已有${usedBy.join('、')}，不能删除；如不再使用，请停用（active=false）。`,
          { extensions: { usedBy } },
        );
      }
      await m.delete(Agency, { id });
      await this.audit.append(m, {
        type: 'agency.deleted',
        actor,
        subject: { type: 'agency', id },
        agencyId: id,
        details: { code: agency.code, profile: pick(agency) },
      });
    });
  }

  /**
   * Agencies whose reconsideration body follows the rule get the new name/address when the body's
   * record changes (e.g. the county government moves): their replies must print the current one.
   * Where the law names the body (复议法 Art. 24) and only its address was typed, a renamed body's new
   * name is taken too (the typed address stays), so the profile stays valid.
   */
  private async followDerivedBodies(
    m: EntityManager,
    actor: AuditActor,
    causeId: string,
    renamedFrom: string | null,
  ): Promise<void> {
    const nodes = await loadNodes(m);
    const candidates = await m.find(Agency, {
      where: [
        { reconsiderationBodyDerived: true },
        ...(renamedFrom ? [{ reconsiderationBodyName: renamedFrom }] : []),
      ],
    });
    for (const agency of candidates) {
      const body = defaultReconsiderationBody(agency, nodes);
      if (!body.derivable) continue;
      const address = agency.reconsiderationBodyDerived ? body.address : agency.reconsiderationBodyAddress;
      if (!agency.reconsiderationBodyDerived && !body.fixed) continue;
      if (body.name === agency.reconsiderationBodyName && address === agency.reconsiderationBodyAddress)
        continue;
      const from = { name: agency.reconsiderationBodyName, address: agency.reconsiderationBodyAddress };
      agency.reconsiderationBodyName = body.name;
      agency.reconsiderationBodyAddress = address;
      await m.save(agency);
      await this.audit.append(m, {
        type: 'agency.updated',
        actor,
        subject: { type: 'agency', id: agency.id },
        agencyId: agency.id,
        details: {
          changes: { reconsiderationBody: { from, to: { name: body.name, address } } },
          causeAgencyId: causeId,
        },
      });
    }
  }
}

/** Agency writes take turns: the hierarchy checks and the derived bodies read the whole (small) table. */
async function lockAgencies(m: EntityManager): Promise<void> {
  await m.query('LOCK TABLE agency IN SHARE ROW EXCLUSIVE MODE');
}

function withNode(nodes: ReadonlyMap<string, AgencyNode>, node: AgencyNode): Map<string, AgencyNode> {
  return new Map(nodes).set(node.id, node);
}

function checkParent(
  problems: FieldError[],
  agency: { id?: string; type: Agency['type'] },
  parentId: string | null,
  nodes: ReadonlyMap<string, AgencyNode>,
): void {
  const problem = parentProblem(agency, parentId, nodes);
  if (problem) problems.push({ field: 'parentId', message: problem });
}

/**
 * The remedy profile as it would be saved, checked with the letters' own rule (remedyProfileProblems):
 * one body, and where 复议法 Art. 24 names it, that body. Saving what the letters would refuse is a
 * 400 on the body's field rather than a reply that cannot be issued (or names the wrong body) later.
 */
function checkRemedyProfile(
  problems: FieldError[],
  agency: Pick<
    Agency,
    'type' | 'name' | 'parentId' | 'reconsiderationBodyName' | 'reconsiderationBodyAddress'
  > & {
    courtName?: string;
  },
  nodes: ReadonlyMap<string, AgencyNode>,
): void {
  // Already refused (no body could be derived, a parent that does not fit): one message is enough.
  if (problems.some((p) => p.field === 'reconsiderationBodyName' || p.field === 'parentId')) return;
  const found = remedyProfileProblems({
    reconsiderationBodyName: agency.reconsiderationBodyName,
    reconsiderationBodyAddress: agency.reconsiderationBodyAddress,
    courtName: agency.courtName ?? COURT_DEFAULT,
    requiredReconsiderationBody: requiredReconsiderationBody(agency, nodes),
  });
  for (const message of found) problems.push({ field: 'reconsiderationBodyName', message });
  if (found.length > 0) return;
  const body = agency.reconsiderationBodyName.trim();
  const forbidden = forbiddenReconsiderationBodies(agency, nodes).find((f) => f.name.trim() === body);
  if (forbidden) problems.push({ field: 'reconsiderationBodyName', message: forbidden.message });
}

function reconsiderationBody(
  dto: CreateAgencyDto,
  agency: { type: Agency['type']; parentId: string | null },
  nodes: ReadonlyMap<string, AgencyNode>,
  problems: FieldError[],
): Pick<Agency, 'reconsiderationBodyName' | 'reconsiderationBodyAddress' | 'reconsiderationBodyDerived'> {
  if (dto.reconsiderationBodyName !== undefined) {
    return {
      reconsiderationBodyName: dto.reconsiderationBodyName,
      reconsiderationBodyAddress: dto.reconsiderationBodyAddress ?? '',
      reconsiderationBodyDerived: false,
    };
  }
  if (dto.reconsiderationBodyAddress !== undefined) {
    problems.push({ field: 'reconsiderationBodyName', message: '填写复议机关地址时须同时填写其名称' });
  }
  const derived = defaultReconsiderationBody(agency, nodes);
  if (!derived.derivable) {
    problems.push({ field: 'reconsiderationBodyName', message: derived.reason });
    return { reconsiderationBodyName: '', reconsiderationBodyAddress: '', reconsiderationBodyDerived: false };
  }
  return {
    reconsiderationBodyName: derived.name,
    reconsiderationBodyAddress: derived.address,
    reconsiderationBodyDerived: true,
  };
}

type Profile = Pick<Agency, (typeof PROFILE_FIELDS)[number]>;

function pick(agency: Agency): Profile {
  return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, agency[f]])) as unknown as Profile;
}

export function toAgencyDto(a: Agency): AgencyDto {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    shortName: a.shortName,
    type: a.type,
    parentId: a.parentId,
    isSupervisor: a.isSupervisor,
    officeAddress: a.officeAddress,
    officePostcode: a.officePostcode,
    officePhone: a.officePhone,
    officeHours: a.officeHours,
    website: a.website,
    docNumberPrefix: a.docNumberPrefix,
    reconsiderationBodyName: a.reconsiderationBodyName,
    reconsiderationBodyAddress: a.reconsiderationBodyAddress,
    reconsiderationBodyDerived: a.reconsiderationBodyDerived,
    courtName: a.courtName,
    active: a.active,
    version: a.version,
  };
}
