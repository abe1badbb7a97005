import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { defined, newId } from '../shared/columns';
import { Conflict, NotFound } from '../shared/domain-error';
import { Company, CompanyStatus, Sector } from './company.entity';
import { isValidCvr } from './cvr';
import { Worksite } from './worksite.entity';

export interface CompanyInput {
  cvr: string;
  name: string;
  industryCode?: string | null;
  industry: string;
  sector: Sector;
  status?: CompanyStatus;
  address?: string | null;
  postcode: string;
  municipality: string;
  cluster?: string | null;
  ordinaryFte: number;
  otherSupportedFte?: number;
  contactConsultant?: string | null;
}

export interface CompanySearch {
  name?: string;
  cvr?: string;
  industry?: string;
  municipality?: string;
  limit?: number;
  offset?: number;
}

export interface WorksiteInput {
  pNumber: string;
  name: string;
  address?: string | null;
  postcode: string;
  municipality: string;
  ordinaryFte: number;
  otherSupportedFte?: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;
}

@Injectable()
export class CompanyService {
  constructor(
    @InjectRepository(Company) private readonly companies: Repository<Company>,
    @InjectRepository(Worksite) private readonly worksites: Repository<Worksite>,
  ) {}

  async create(input: CompanyInput, id: string = newId()): Promise<Company> {
    if (!isValidCvr(input.cvr)) throw new Conflict('InvalidCvr', 'The CVR number fails the modulus-11 check');
    if (await this.companies.existsBy({ cvr: input.cvr })) {
      throw new Conflict('CompanyExists', `A company with CVR ${input.cvr} already exists`);
    }
    return this.companies.save(
      this.companies.create({
        status: 'ACTIVE',
        industryCode: null,
        address: null,
        cluster: null,
        otherSupportedFte: 0,
        contactConsultant: null,
        ...defined(input),
        id,
      }),
    );
  }

  async get(id: string): Promise<Company> {
    const company = await this.companies.findOneBy({ id });
    if (!company) throw new NotFound('Company', id);
    return company;
  }

  async update(id: string, changes: Partial<Omit<CompanyInput, 'cvr'>>): Promise<Company> {
    const company = await this.get(id);
    return this.companies.save(this.companies.merge(company, defined(changes)));
  }

  /** Deletes a company no one refers to yet; one with history must be set INACTIVE instead. */
  async remove(id: string): Promise<void> {
    await this.get(id);
    try {
      await this.companies.delete({ id });
    } catch (error) {
      if ((error as { code?: string }).code === '23503') {
        throw new Conflict(
          'CompanyInUse',
          'The company has agreements, mentors or activities; set it INACTIVE instead',
        );
      }
      throw error;
    }
  }

  search(criteria: CompanySearch): Promise<[Company[], number]> {
    const query = this.companies.createQueryBuilder('c').orderBy('c.name', 'ASC');
    if (criteria.name) query.andWhere("lower(c.name) LIKE :name ESCAPE '\\'", { name: likePattern(criteria.name) });
    if (criteria.cvr) query.andWhere('c.cvr = :cvr', { cvr: criteria.cvr });
    if (criteria.industry) {
      query.andWhere("(lower(c.industry) LIKE :industry ESCAPE '\\' OR c.industry_code LIKE :code)", {
        industry: likePattern(criteria.industry),
        code: `${criteria.industry}%`,
      });
    }
    if (criteria.municipality) {
      query.andWhere('lower(c.municipality) = :municipality', { municipality: criteria.municipality.toLowerCase() });
    }
    return query
      .take(criteria.limit ?? 50)
      .skip(criteria.offset ?? 0)
      .getManyAndCount();
  }

  async addWorksite(companyId: string, input: WorksiteInput, id: string = newId()): Promise<Worksite> {
    await this.get(companyId);
    if (await this.worksites.existsBy({ pNumber: input.pNumber })) {
      throw new Conflict('WorksiteExists', `A worksite with P-number ${input.pNumber} already exists`);
    }
    return this.worksites.save(
      this.worksites.create({ address: null, otherSupportedFte: 0, ...defined(input), id, companyId }),
    );
  }

  async worksitesOf(companyId: string): Promise<Worksite[]> {
    await this.get(companyId);
    return this.worksites.find({ where: { companyId }, order: { name: 'ASC' } });
  }
}
