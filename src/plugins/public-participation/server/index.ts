import bootstrap from './bootstrap';
import agencyWorkController from './controllers/agency-work';
import feedbackExportController from './controllers/feedback-export';
import moderationController from './controllers/moderation';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import agencyWork from './services/agency-work';
import feedbackExport from './services/feedback-export';
import moderation from './services/moderation';

/** Public participation: the agencies' side of feedback (overdue list, counts, moderation, export). */
export default {
  register,
  bootstrap,
  destroy,
  routes,
  controllers: {
    'agency-work': agencyWorkController,
    moderation: moderationController,
    'feedback-export': feedbackExportController,
  },
  services: {
    'agency-work': agencyWork,
    moderation,
    'feedback-export': feedbackExport,
  },
};
