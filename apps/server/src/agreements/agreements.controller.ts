import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { AgreementService } from '@brobygger/domain';
import {
  AgreementFilterDto,
  AgreementStatusDto,
  CreateAgreementDto,
  CreateSeatDto,
  SeatFilterDto,
} from './agreement.dto';

@ApiTags('agreements')
@ApiBearerAuth()
@Roles('caseworker', 'supervisor')
@Controller('api')
export class AgreementsController {
  constructor(private readonly agreements: AgreementService) {}

  @Post('agreements')
  @ApiOperation({ summary: 'Make an agreement with a company (collaboration model 1–4)' })
  create(@Body() body: CreateAgreementDto) {
    return this.agreements.create(body);
  }

  @Get('agreements')
  @ApiOperation({ summary: 'Agreements, by company and status' })
  list(@Query() query: AgreementFilterDto) {
    return this.agreements.list(query);
  }

  @Get('agreements/:id')
  @ApiOperation({ summary: 'One agreement with its seats' })
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return { ...(await this.agreements.get(id)), seats: await this.agreements.seatsOf(id) };
  }

  @Put('agreements/:id/status')
  @ApiOperation({ summary: 'Change the status (DRAFT, NEGOTIATING, ACTIVE, SUSPENDED, EXPIRED, TERMINATED)' })
  setStatus(@Param('id', ParseUUIDPipe) id: string, @Body() body: AgreementStatusDto) {
    return this.agreements.setStatus(id, body.status);
  }

  @Post('agreements/:id/seats')
  @ApiOperation({ summary: 'Add a seat to the agreement' })
  addSeat(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateSeatDto) {
    return this.agreements.addSeat(id, body);
  }

  @Get('agreements/:id/seats')
  @ApiOperation({ summary: "The agreement's seats with state and vacantSince" })
  seatsOf(@Param('id', ParseUUIDPipe) id: string) {
    return this.agreements.seatsOf(id);
  }

  @Get('seats')
  @ApiOperation({ summary: 'Seats across agreements, longest vacant first (overview of free seats)' })
  seats(@Query() query: SeatFilterDto) {
    return this.agreements.listSeats(query);
  }
}
