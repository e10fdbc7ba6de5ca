import { Flex, Typography } from '@strapi/design-system';
import { useQueryParams, useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useDeliveries, type DeliveryView } from '../api';
import { PERMISSIONS, t } from '../constants';
import { StatusBadge } from './StatusBadge';

/** The latest delivery of each channel (the list comes newest first). */
const latestPerChannel = (deliveries: DeliveryView[]) => {
  const latest = new Map<string, DeliveryView>();
  for (const delivery of deliveries) if (!latest.has(delivery.channel)) latest.set(delivery.channel, delivery);
  return [...latest.values()];
};

/** Edit-view side panel: where this document stands on each channel. */
export const DeliveriesPanel: PanelComponent = ({ documentId, collectionType }: PanelComponentProps) => {
  const { formatMessage, formatDate } = useIntl();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale;
  const { allowedActions } = useRBAC(PERMISSIONS);
  const hasDocument = Boolean(documentId) && documentId !== 'create';
  const { data } = useDeliveries({ documentId, locale, pageSize: 100 }, { skip: !hasDocument || !allowedActions.canRead });

  if (!hasDocument || !allowedActions.canRead || collectionType !== 'collection-types' || data.length === 0) return null;

  return {
    title: formatMessage({ id: t('panel.title'), defaultMessage: 'Distribution' }),
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%">
        {latestPerChannel(data).map((delivery) => (
          <Flex key={delivery.channel} justifyContent="space-between" alignItems="flex-start" gap={2}>
            <Flex direction="column" alignItems="flex-start" flex={1} minWidth={0} overflow="hidden">
              <Typography fontWeight="bold">{delivery.channel}</Typography>
              <Typography variant="pi" textColor="neutral600">
                {formatMessage({ id: t(`event.${delivery.event.type}`), defaultMessage: delivery.event.type })}
                {' · '}
                {delivery.event.occurredAt ? formatDate(delivery.event.occurredAt, { dateStyle: 'short', timeStyle: 'short' }) : ''}
              </Typography>
              {/* On a delivered row it is the channel's note (e.g. a bulletin sent without its audio), not an error. */}
              {delivery.lastError ? (
                <Typography variant="pi" textColor={delivery.status === 'delivered' ? 'warning600' : 'danger600'} ellipsis title={delivery.lastError} width="100%">
                  {delivery.lastError}
                </Typography>
              ) : null}
            </Flex>
            <StatusBadge status={delivery.status} />
          </Flex>
        ))}
      </Flex>
    ),
  };
};

