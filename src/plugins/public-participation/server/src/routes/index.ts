import { ACTIONS } from '../constants';

const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

/** Admin-panel API of the plugin, under /public-participation. */
const admin = {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/overdue', handler: 'agency-work.overdue', config: can(ACTIONS.read) },
    { method: 'GET', path: '/open', handler: 'agency-work.open', config: can(ACTIONS.read) },
    { method: 'GET', path: '/agency-counts', handler: 'agency-work.agencyCounts', config: can(ACTIONS.read) },
    { method: 'GET', path: '/consultation-drafts/:documentId/counts', handler: 'agency-work.draftCounts', config: can(ACTIONS.read) },
    { method: 'GET', path: '/feedbacks/:documentId/moderation', handler: 'moderation.summary', config: can(ACTIONS.read) },
    { method: 'POST', path: '/feedbacks/:documentId/transition', handler: 'moderation.transition', config: can(ACTIONS.moderate) },
    { method: 'PUT', path: '/feedbacks/:documentId/disposition', handler: 'dispositions.set', config: can(ACTIONS.moderate) },
    { method: 'PUT', path: '/consultation-drafts/:documentId/dispositions', handler: 'dispositions.bulk', config: can(ACTIONS.moderate) },
    { method: 'GET', path: '/consultation-drafts/:documentId/dispositions', handler: 'dispositions.summary', config: can(ACTIONS.read) },
    { method: 'GET', path: '/consultation-drafts/:documentId/feedbacks', handler: 'dispositions.items', config: can(ACTIONS.read) },
    // The report is an official document the agency issues: the export permission (Editor, Leader), like the CSV export.
    { method: 'GET', path: '/consultation-drafts/:documentId/report.docx', handler: 'report.docx', config: can(ACTIONS.export) },
    { method: 'GET', path: '/consultation-drafts/:documentId/report.csv', handler: 'report.csv', config: can(ACTIONS.export) },
  ],
};

/** The export keeps the address the issue fixes, outside the plugin prefix. */
const exportRoutes = {
  type: 'admin',
  prefix: '',
  routes: [
    {
      method: 'GET',
      path: '/feedback-export/consultation-drafts/:documentId.csv',
      handler: 'feedback-export.consultationDraft',
      config: can(ACTIONS.export),
    },
  ],
};

export default { admin, export: exportRoutes };
