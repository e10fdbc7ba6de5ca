export const PLUGIN_ID = 'approval-workflow';
