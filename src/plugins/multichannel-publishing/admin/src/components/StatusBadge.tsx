import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { t, type DeliveryStatus } from '../constants';

const VARIANTS: Record<DeliveryStatus, 'success' | 'primary' | 'danger' | 'warning' | 'neutral' | 'secondary'> = {
  pending: 'secondary',
  'in-flight': 'primary',
  delivered: 'success',
  failed: 'warning',
  dead: 'danger',
  skipped: 'neutral',
};

const DEFAULTS: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  'in-flight': 'Sending',
  delivered: 'Delivered',
  failed: 'Will retry',
  dead: 'Gave up',
  skipped: 'Skipped',
};

/** A delivery status as a coloured badge. */
export const StatusBadge = ({ status }: { status: DeliveryStatus }) => {
  const { formatMessage } = useIntl();
  return <Badge variant={VARIANTS[status] ?? 'neutral'}>{formatMessage({ id: t(`status.${status}`), defaultMessage: DEFAULTS[status] ?? status })}</Badge>;
};
