import bootstrap from './bootstrap';
import agencyWorkController from './controllers/agency-work';
import dispositionsController from './controllers/dispositions';
import feedbackExportController from './controllers/feedback-export';
import moderationController from './controllers/moderation';
import reportController from './controllers/report';
import routes from './routes';

/**
 * Public participation: the agencies' door to the feedback vertical (overdue list, counts,
 * moderation, dispositions, export, the report). The feedback itself (content type, rules, services) lives in the app's
 * `api/feedback`; this plugin only adds the admin routes and screens, and calls the feedback
 * services through their contracts in `src/common/feedback.ts`.
 */
export default {
  bootstrap,
  routes,
  controllers: {
    'agency-work': agencyWorkController,
    moderation: moderationController,
    dispositions: dispositionsController,
    'feedback-export': feedbackExportController,
    report: reportController,
  },
};
