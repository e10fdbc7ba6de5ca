/**
 * A plugin's own tables are written only by that plugin: hidden from the content manager and the
 * content-type builder (and no content-API routes are declared for them).
 */
export const HIDDEN_PLUGIN_OPTIONS = {
  'content-manager': { visible: false },
  'content-type-builder': { visible: false },
  i18n: { localized: false },
} as const;
