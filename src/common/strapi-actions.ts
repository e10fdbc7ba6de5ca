/**
 * Names Strapi itself defines and the product grants or checks: the content manager's and the
 * media library's admin actions, the admin's creator condition and the upload file UID. Written
 * once here so the app's roles and the plugins' roles cannot drift apart.
 */
export const CONTENT_MANAGER = {
  create: 'plugin::content-manager.explorer.create',
  read: 'plugin::content-manager.explorer.read',
  update: 'plugin::content-manager.explorer.update',
  delete: 'plugin::content-manager.explorer.delete',
  publish: 'plugin::content-manager.explorer.publish',
} as const;

export const MEDIA_LIBRARY = {
  read: 'plugin::upload.read',
  create: 'plugin::upload.assets.create',
  update: 'plugin::upload.assets.update',
  download: 'plugin::upload.assets.download',
  copyLink: 'plugin::upload.assets.copy-link',
} as const;

/** Registered by the admin's own bootstrap: "only the entries this user created". */
export const IS_CREATOR_CONDITION = 'admin::is-creator';

export const UPLOAD_FILE_UID = 'plugin::upload.file' as const;
