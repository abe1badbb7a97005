import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { CitizenService } from '@brobygger/domain';
import { CprLookupDto, CreateCitizenDto, TargetGroupDto } from './citizen.dto';

@ApiTags('citizens')
@ApiBearerAuth()
@Roles('caseworker', 'supervisor')
@Controller('api/citizens')
export class CitizensController {
  constructor(private readonly citizens: CitizenService) {}

  @Post()
  @ApiOperation({ summary: 'Register a citizen; the CPR number is encrypted and answered masked' })
  create(@Body() body: CreateCitizenDto) {
    return this.citizens.create(body);
  }

  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Find a citizen by CPR number (in the body, never in the URL)' })
  async lookup(@Body() body: CprLookupDto) {
    const citizen = await this.citizens.findByCpr(body.cpr);
    if (!citizen)
      throw new NotFoundException({ statusCode: 404, error: 'NotFound', message: 'No citizen has this CPR number' });
    return citizen;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One citizen, CPR masked (e.g. 010190-****)' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.citizens.get(id);
  }

  @Get(':id/target-groups')
  @ApiOperation({ summary: 'Target-group history' })
  targetGroups(@Param('id', ParseUUIDPipe) id: string) {
    return this.citizens.get(id).then((c) => c.targetGroups);
  }

  @Post(':id/target-groups')
  @ApiOperation({ summary: 'Assign a target group from a date (closes the current one)' })
  assign(@Param('id', ParseUUIDPipe) id: string, @Body() body: TargetGroupDto) {
    return this.citizens.assignTargetGroup(id, body.groupCode, body.validFrom);
  }
}
