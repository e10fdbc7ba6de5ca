import { errors } from '@strapi/utils';

/**
 * A consultation draft outside its window. Strapi's error middleware answers unknown application
 * errors with 400, so the controller turns this one into the 409 the issue asks for.
 */
export type ConsultationWindowDetails = { consultationStatus: string; opensAt: string | null; closesAt: string | null };

export class ConsultationNotOpenError extends errors.ApplicationError {
  readonly window: ConsultationWindowDetails;

  constructor(message: string, window: ConsultationWindowDetails) {
    super(message, window);
    this.window = window;
    Object.assign(this, { name: 'ConflictError' });
  }
}
