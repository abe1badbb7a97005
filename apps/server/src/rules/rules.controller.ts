import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { RuleService } from '@brobygger/domain';

@ApiTags('rules')
@ApiBearerAuth()
@Roles('process-owner')
@Controller('api/rules')
export class RulesController {
  constructor(private readonly rules: RuleService) {}

  @Get()
  @ApiOperation({ summary: 'Every rule version with its values, dates in force and source' })
  list() {
    return this.rules.list();
  }

  @Get(':ruleId')
  @ApiOperation({ summary: 'The versions of one rule, e.g. RK-1' })
  async versions(@Param('ruleId') ruleId: string) {
    const versions = await this.rules.versions(ruleId);
    if (!versions.length)
      throw new NotFoundException({ statusCode: 404, error: 'NotFound', message: `No rule ${ruleId}` });
    return versions;
  }
}
