import { Body, Controller, Post, UseFilters, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { DomainErrorFilter } from '../api/domain-error.filter';
import { validationPipe } from '../api/validation';
import { CaseProcessService } from './case-process.service';
import { OpenCaseDto } from './open-case.dto';

/** POST /api/cases: beside the case routes in placements/, because it also starts the process. */
@ApiTags('cases')
@ApiBearerAuth()
@Roles('caseworker', 'supervisor')
@Controller('api/cases')
@UsePipes(validationPipe())
@UseFilters(DomainErrorFilter)
export class CaseProcessController {
  constructor(private readonly cases: CaseProcessService) {}

  @Post()
  @ApiOperation({ summary: 'Open a case for a citizen and start the placement lifecycle process' })
  open(@Body() body: OpenCaseDto) {
    return this.cases.open(body);
  }
}
