import {
  Box,
  Button,
  Checkbox,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useChannels, useDeliveries, useRetry, useRetryMany, type ChannelView, type DeliveryView } from '../api';
import { BroadcastBudgetCard } from '../components/BroadcastBudgetCard';
import { ChannelHealth, FailingChannelsNotice } from '../components/ChannelHealth';
import { StatusBadge } from '../components/StatusBadge';
import { PERMISSIONS, STATUSES, t } from '../constants';

const PAGE_SIZE = 20;

const ChannelCard = ({ channel }: { channel: ChannelView }) => {
  const { formatMessage, formatDate, locale } = useIntl();
  const label = locale.startsWith('vi') ? channel.label.vi : channel.label.en;
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} minWidth="240px">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h2">
          {label}
        </Typography>
        <ChannelHealth channel={channel} />
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: t('channel.lastSuccess'), defaultMessage: 'Last success: {date}' },
            { date: channel.lastSuccessAt ? formatDate(channel.lastSuccessAt, { dateStyle: 'short', timeStyle: 'short' }) : '—' },
          )}
        </Typography>
        <Typography variant="pi" textColor={channel.failuresLast24h > 0 ? 'danger600' : 'neutral600'}>
          {formatMessage({ id: t('channel.failures'), defaultMessage: 'Failures in 24 h: {count}' }, { count: channel.failuresLast24h })}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: t('channel.backlog'), defaultMessage: 'Waiting: {count}' }, { count: channel.backlog })}
        </Typography>
      </Flex>
    </Box>
  );
};

const isRetryable = (delivery: DeliveryView) => delivery.status === 'failed' || delivery.status === 'dead';

const DeliveryRow = ({
  delivery,
  canRetry,
  onRetry,
  selected,
  onSelect,
}: {
  delivery: DeliveryView;
  canRetry: boolean;
  onRetry: (id: number) => void;
  selected: boolean;
  onSelect: (id: number, checked: boolean) => void;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const when = (value: string | null) => (value ? formatDate(value, { dateStyle: 'short', timeStyle: 'medium' }) : '—');
  return (
    <Tr>
      <Td>
        {canRetry && isRetryable(delivery) ? (
          <Checkbox
            checked={selected}
            onCheckedChange={(checked) => onSelect(delivery.id, checked === true)}
            aria-label={formatMessage({ id: t('bulk.select'), defaultMessage: 'Select {title}' }, { title: delivery.event.title ?? delivery.event.documentId })}
            data-delivery-id={delivery.id}
          />
        ) : null}
      </Td>
      <Td>
        <Typography variant="pi">{when(delivery.event.occurredAt)}</Typography>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start" maxWidth="340px">
          <Typography fontWeight="bold" ellipsis title={delivery.event.title ?? undefined} width="100%">
            {delivery.event.title ?? delivery.event.documentId}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {delivery.event.contentType} · {delivery.event.locale ?? '—'} · #{delivery.event.sequence}
          </Typography>
        </Flex>
      </Td>
      <Td>
        <Typography>{formatMessage({ id: t(`event.${delivery.event.type}`), defaultMessage: delivery.event.type })}</Typography>
      </Td>
      <Td>
        <Typography>{delivery.channel}</Typography>
      </Td>
      <Td>
        <StatusBadge status={delivery.status} />
      </Td>
      <Td>
        <Typography>{delivery.attempts}</Typography>
      </Td>
      <Td>
        <Typography variant="pi" textColor="neutral600">
          {delivery.status === 'delivered' ? when(delivery.deliveredAt) : when(delivery.nextAttemptAt)}
        </Typography>
      </Td>
      <Td>
        <Box maxWidth="280px">
          <Typography variant="pi" textColor={delivery.status === 'delivered' ? 'warning600' : 'danger600'} ellipsis title={delivery.lastError ?? undefined}>
            {delivery.lastError ?? ''}
          </Typography>
        </Box>
      </Td>
      <Td>
        {canRetry && (delivery.status === 'failed' || delivery.status === 'dead') ? (
          <Button size="S" variant="secondary" onClick={() => onRetry(delivery.id)}>
            {formatMessage({ id: t('action.retry'), defaultMessage: 'Retry now' })}
          </Button>
        ) : null}
      </Td>
    </Tr>
  );
};

/** "Phát hành đa kênh / Distribution": every delivery with its status, filters and a retry button. */
const DistributionPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading: loadingPermissions } = useRBAC(PERMISSIONS);
  const [channel, setChannel] = useState('');
  const [status, setStatus] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [page, setPage] = useState(1);
  const deliveries = useDeliveries({ channel, status, documentId: documentId.trim(), page, pageSize: PAGE_SIZE }, { skip: !allowedActions.canRead });
  const { channels, reload: reloadChannels } = useChannels();
  const retry = useRetry();
  const retryMany = useRetryMany();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const select = (id: number, checked: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  const onRetrySelected = async () => {
    try {
      const result = await retryMany([...selected]);
      toggleNotification({
        type: result.meta.refused > 0 ? 'warning' : 'success',
        message: formatMessage(
          { id: t('notification.bulkRetried'), defaultMessage: '{retried} sent back to the queue; {refused} refused' },
          { retried: result.meta.retried, refused: result.meta.refused },
        ),
      });
    } catch (error) {
      const message = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message;
      toggleNotification({ type: 'danger', message: message ?? formatMessage({ id: t('notification.retryFailed'), defaultMessage: 'Could not retry' }) });
    }
    setSelected(new Set());
    await Promise.all([deliveries.reload(), reloadChannels()]);
  };

  const onRetry = async (id: number) => {
    try {
      await retry(id);
      toggleNotification({ type: 'success', message: formatMessage({ id: t('notification.retried'), defaultMessage: 'Sent back to the queue' }) });
    } catch (error) {
      const message = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message;
      toggleNotification({ type: 'danger', message: message ?? formatMessage({ id: t('notification.retryFailed'), defaultMessage: 'Could not retry' }) });
    }
    await Promise.all([deliveries.reload(), reloadChannels()]);
  };

  if (loadingPermissions) return <Page.Loading />;
  if (!allowedActions.canRead) return <Page.NoPermissions />;

  const title = formatMessage({ id: t('page.title'), defaultMessage: 'Distribution' });
  const pageCount = deliveries.pagination?.pageCount ?? 1;
  const resetPage = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: t('page.subtitle'),
          defaultMessage: 'Every publication pushed to the web portal, Zalo, Facebook and the radio, with its delivery status',
        })}
        primaryAction={
          <Button variant="secondary" onClick={() => void Promise.all([deliveries.reload(), reloadChannels()])}>
            {formatMessage({ id: t('action.refresh'), defaultMessage: 'Refresh' })}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <FailingChannelsNotice channels={channels} />
          <Flex gap={4} wrap="wrap">
            {channels.map((item) => (
              <ChannelCard key={item.name} channel={item} />
            ))}
            <BroadcastBudgetCard channels={channels} />
          </Flex>
          <Flex gap={4} alignItems="flex-end" wrap="wrap">
            <Box minWidth="200px">
              <SingleSelect
                aria-label={formatMessage({ id: t('filter.channel'), defaultMessage: 'Channel' })}
                placeholder={formatMessage({ id: t('filter.channel'), defaultMessage: 'Channel' })}
                value={channel}
                onChange={(value) => resetPage(setChannel)(String(value))}
                onClear={() => resetPage(setChannel)('')}
              >
                {channels.map((item) => (
                  <SingleSelectOption key={item.name} value={item.name}>
                    {item.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box minWidth="200px">
              <SingleSelect
                aria-label={formatMessage({ id: t('filter.status'), defaultMessage: 'Status' })}
                placeholder={formatMessage({ id: t('filter.status'), defaultMessage: 'Status' })}
                value={status}
                onChange={(value) => resetPage(setStatus)(String(value))}
                onClear={() => resetPage(setStatus)('')}
              >
                {STATUSES.map((value) => (
                  <SingleSelectOption key={value} value={value}>
                    {formatMessage({ id: t(`status.${value}`), defaultMessage: value })}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box minWidth="280px">
              <TextInput
                aria-label={formatMessage({ id: t('filter.documentId'), defaultMessage: 'Document id' })}
                placeholder={formatMessage({ id: t('filter.documentId'), defaultMessage: 'Document id' })}
                value={documentId}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => resetPage(setDocumentId)(event.target.value)}
              />
            </Box>
            {allowedActions.canRetry ? (
              <Button variant="default" disabled={selected.size === 0} onClick={() => void onRetrySelected()} data-bulk-retry>
                {formatMessage({ id: t('bulk.retry'), defaultMessage: 'Retry selected ({count})' }, { count: selected.size })}
              </Button>
            ) : null}
          </Flex>
          {deliveries.error ? (
            <Page.Error />
          ) : (
            <Table colCount={10} rowCount={deliveries.data.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    {allowedActions.canRetry ? (
                      <Checkbox
                        aria-label={formatMessage({ id: t('bulk.selectPage'), defaultMessage: 'Select every failed delivery on this page' })}
                        checked={
                          deliveries.data.some((delivery) => isRetryable(delivery)) && deliveries.data.filter(isRetryable).every((delivery) => selected.has(delivery.id))
                        }
                        onCheckedChange={(checked) => {
                          for (const delivery of deliveries.data.filter(isRetryable)) select(delivery.id, checked === true);
                        }}
                      />
                    ) : null}
                  </Th>
                  {[
                    ['column.time', 'Time'],
                    ['column.document', 'Document'],
                    ['column.event', 'Event'],
                    ['column.channel', 'Channel'],
                    ['column.status', 'Status'],
                    ['column.attempts', 'Attempts'],
                    ['column.when', 'Delivered / next attempt'],
                    ['column.error', 'Last error'],
                    ['column.actions', ' '],
                  ].map(([id, defaultMessage]) => (
                    <Th key={id}>
                      <Typography variant="sigma">{formatMessage({ id: t(id), defaultMessage })}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {deliveries.data.map((delivery) => (
                  <DeliveryRow
                    key={delivery.id}
                    delivery={delivery}
                    canRetry={Boolean(allowedActions.canRetry)}
                    onRetry={(id) => void onRetry(id)}
                    selected={selected.has(delivery.id)}
                    onSelect={select}
                  />
                ))}
                {deliveries.data.length === 0 && !deliveries.loading ? (
                  <Tr>
                    <Td colSpan={10}>
                      <Typography textColor="neutral600">{formatMessage({ id: t('empty'), defaultMessage: 'No delivery yet' })}</Typography>
                    </Td>
                  </Tr>
                ) : null}
              </Tbody>
            </Table>
          )}
          <Flex gap={2} justifyContent="flex-end">
            <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {formatMessage({ id: t('pagination.previous'), defaultMessage: 'Previous' })}
            </Button>
            <Typography>
              {formatMessage({ id: t('pagination.page'), defaultMessage: 'Page {page} of {pageCount}' }, { page, pageCount: Math.max(pageCount, 1) })}
            </Typography>
            <Button variant="tertiary" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
              {formatMessage({ id: t('pagination.next'), defaultMessage: 'Next' })}
            </Button>
          </Flex>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export { DistributionPage };
export default DistributionPage;
