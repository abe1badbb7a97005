import { Controller, DefaultValuePipe, Get, Param, ParseIntPipe, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { MatchingService } from '@brobygger/domain';

@ApiTags('matching')
@ApiBearerAuth()
@Roles('caseworker', 'supervisor')
@Controller('api/citizens')
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Get(':id/matches')
  @ApiOperation({
    summary: 'Reverse matching: companies and vacant seats ranked for the citizen, each with score and explanation',
  })
  @ApiQuery({ name: 'limit', required: false, example: 10 })
  suggest(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('limit', new DefaultValuePipe(10), ParseIntPipe) limit: number,
  ) {
    return this.matching.suggest(id, Math.min(Math.max(limit, 1), 50));
  }
}
