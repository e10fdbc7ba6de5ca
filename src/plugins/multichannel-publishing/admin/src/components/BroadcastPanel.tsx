import { Button, Flex, Typography } from '@strapi/design-system';
import { useNotification, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { describeFailure, useBroadcastBudget, useDeliveries, useRequestBroadcast } from '../api';
import { BROADCAST_LOCALE, BROADCAST_UID, PERMISSIONS, t } from '../constants';
import { StatusBadge } from './StatusBadge';

/**
 * Edit view of a published Vietnamese policy, for those who may broadcast (leaders): send its Zalo
 * article to the OA's followers, with this month's budget and the state of the last broadcast.
 */
export const BroadcastPanel: PanelComponent = ({ model, documentId, document }: PanelComponentProps) => {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale ?? BROADCAST_LOCALE;
  const { allowedActions } = useRBAC({ broadcast: PERMISSIONS.broadcast, read: PERMISSIONS.read });
  const published = document?.status === 'published' || document?.status === 'modified';
  const applies = model === BROADCAST_UID && Boolean(documentId) && documentId !== 'create' && locale === BROADCAST_LOCALE && published;
  const allowed = applies && allowedActions.canBroadcast && allowedActions.canRead;
  const { budget, reload: reloadBudget } = useBroadcastBudget({ skip: !allowed });
  const { data: broadcasts, reload: reloadBroadcasts } = useDeliveries({ documentId, channel: 'zalo-broadcast', locale, pageSize: 1 }, { skip: !allowed });
  const requestBroadcast = useRequestBroadcast();
  const [busy, setBusy] = useState(false);

  if (!allowed || !documentId) return null;
  const last = broadcasts[0];

  const send = async () => {
    setBusy(true);
    try {
      await requestBroadcast({ uid: model, documentId, locale });
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: t('broadcast.queued'), defaultMessage: 'Broadcast queued: it is sent once the article is on Zalo, within the sending hours.' }),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: describeFailure(error).message ?? String(error) });
    } finally {
      setBusy(false);
      await Promise.all([reloadBudget(), reloadBroadcasts()]);
    }
  };

  return {
    title: formatMessage({ id: t('broadcast.title'), defaultMessage: 'Zalo broadcast' }),
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="zalo-broadcast-panel">
        {budget ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(
              { id: t('broadcast.budget'), defaultMessage: 'This month: {used} of {limit} broadcasts used (sending hours {window}).' },
              { used: budget.used, limit: budget.limit, window: budget.window },
            )}
          </Typography>
        ) : null}
        {last ? (
          <Flex justifyContent="space-between" gap={2} data-testid="zalo-broadcast-last" data-status={last.status}>
            <Typography variant="pi" ellipsis title={last.lastError ?? undefined}>
              {last.status === 'delivered' && last.deliveredAt
                ? formatMessage({ id: t('broadcast.sentAt'), defaultMessage: 'Sent {date}' }, { date: formatDate(last.deliveredAt, { dateStyle: 'short', timeStyle: 'short' }) })
                : (last.lastError ?? formatMessage({ id: t('broadcast.waiting'), defaultMessage: 'Waiting to be sent' }))}
            </Typography>
            <StatusBadge status={last.status} />
          </Flex>
        ) : null}
        <Button onClick={send} loading={busy} disabled={busy || Boolean(budget && budget.remaining === 0)} fullWidth variant="secondary">
          {formatMessage({ id: t('broadcast.send'), defaultMessage: 'Broadcast to Zalo followers' })}
        </Button>
        {budget?.nextPossibleAt ? (
          <Typography variant="pi" textColor="danger600">
            {formatMessage(
              { id: t('broadcast.spent'), defaultMessage: 'The month’s budget is spent: next broadcast possible on {date}.' },
              { date: formatDate(budget.nextPossibleAt, { dateStyle: 'short', timeStyle: 'short', timeZone: budget.timeZone }) },
            )}
          </Typography>
        ) : null}
      </Flex>
    ),
  };
};
