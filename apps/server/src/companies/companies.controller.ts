import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { CompanyService, OutreachService } from '@brobygger/domain';
import {
  CompanySearchDto,
  CreateCompanyDto,
  CreateOutreachDto,
  CreateWorksiteDto,
  UpdateCompanyDto,
} from './company.dto';

@ApiTags('companies')
@ApiBearerAuth()
@Roles('caseworker', 'supervisor')
@Controller('api/companies')
export class CompaniesController {
  constructor(
    private readonly companies: CompanyService,
    private readonly outreach: OutreachService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a company (CVR modulus-11 checked)' })
  create(@Body() body: CreateCompanyDto) {
    return this.companies.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Search companies by name, CVR, industry and municipality' })
  async search(@Query() query: CompanySearchDto) {
    const [items, total] = await this.companies.search(query);
    return { items, total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One company' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.companies.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a company (not its CVR)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCompanyDto) {
    return this.companies.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a company without history (else 409: set it INACTIVE)' })
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.companies.remove(id);
  }

  @Post(':id/worksites')
  @ApiOperation({ summary: 'Add a production unit (P-nummer)' })
  addWorksite(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateWorksiteDto) {
    return this.companies.addWorksite(id, body);
  }

  @Get(':id/worksites')
  @ApiOperation({ summary: "The company's production units" })
  worksites(@Param('id', ParseUUIDPipe) id: string) {
    return this.companies.worksitesOf(id);
  }

  @Post(':id/outreach-activities')
  @ApiOperation({ summary: 'Record a visit, call or meeting with its outcomes' })
  recordOutreach(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateOutreachDto) {
    return this.outreach.record(id, body);
  }

  @Get(':id/outreach-activities')
  @ApiOperation({ summary: "The company's outreach activities, newest first" })
  listOutreach(@Param('id', ParseUUIDPipe) id: string) {
    return this.outreach.list(id);
  }
}
