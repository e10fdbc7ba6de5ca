import type { IntlShape } from 'react-intl';

/** A percentage from the API (0–100, one decimal, or null when nothing is measured) as people read it. */
export const formatPercent = (intl: Pick<IntlShape, 'formatNumber'>, value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : intl.formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 1 });

/** A translation key of the coverage screens (registered by src/admin/app.tsx). */
export const t = (key: string) => `coverage.${key}`;
