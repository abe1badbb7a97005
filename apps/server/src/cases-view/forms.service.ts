import { Injectable, NotFoundException } from '@nestjs/common';
import { FormSchema, loadFormCatalog } from '@brobygger/process-client';

/** The forms of processes/forms, for the task page to render with form-js. */
@Injectable()
export class FormsService {
  private catalog?: Map<string, FormSchema>;

  get(formId: string): FormSchema {
    this.catalog ??= loadFormCatalog();
    const form = this.catalog.get(formId);
    if (!form) throw new NotFoundException(`Form ${formId} does not exist`);
    return form;
  }
}
