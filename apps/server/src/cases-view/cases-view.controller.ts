import { Controller, Get, Param, ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthGuard } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { RolesGuard } from '../auth/roles.guard';
import { CaseProcessViewService } from './case-process-view.service';
import { FormsService } from './forms.service';

/** Read-only views the web app draws: a case's process and timeline, a task's form. */
@ApiTags('web')
@ApiBearerAuth()
@Controller('api')
@UseGuards(AuthGuard, RolesGuard)
@Roles('caseworker', 'supervisor', 'process-owner')
export class CasesViewController {
  constructor(
    private readonly views: CaseProcessViewService,
    private readonly forms: FormsService,
  ) {}

  @Get('cases/:id/process')
  @ApiOperation({ summary: "The case's BPMN diagram, the elements it has been through, and its timeline" })
  process(@Param('id', ParseUUIDPipe) id: string) {
    return this.views.view(id);
  }

  @Get('forms/:formId')
  @ApiOperation({ summary: 'A form-js form of processes/forms by its id (the formKey without camunda-forms:bpmn:)' })
  form(@Param('formId') formId: string) {
    return this.forms.get(formId);
  }
}
