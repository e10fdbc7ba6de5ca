/**
 * Whether a content type is translated with i18n. Strapi 5 gives every content type a `locale`
 * attribute (private on types that are not localized), so its presence says nothing; only the
 * schema's i18n option does. A non-localized type's events carry no locale, whatever its rows hold.
 */
export const isLocalizedModel = (model: { pluginOptions?: unknown } | undefined): boolean =>
  (model?.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === true;
