import { errors } from '@strapi/utils';

/**
 * A consultation draft outside its window. Strapi's error middleware answers unknown application
 * errors with 400, so the controller turns this one into the 409 the issue asks for.
 */
export class ConsultationNotOpenError extends errors.ApplicationError {
  constructor(message: string, details: { consultationStatus: string; opensAt: string | null; closesAt: string | null }) {
    super(message, details);
    Object.assign(this, { name: 'ConflictError' });
  }
}
