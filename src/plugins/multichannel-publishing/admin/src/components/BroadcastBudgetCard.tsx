import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useBroadcastBudget, type ChannelView } from '../api';
import { t } from '../constants';

/** Distribution page: this month's Zalo broadcasts against the limit, when Zalo is set up. */
export const BroadcastBudgetCard = ({ channels }: { channels: ChannelView[] }) => {
  const { formatMessage, formatDate } = useIntl();
  const enabled = channels.some((channel) => channel.name === 'zalo-broadcast' && channel.enabled);
  const { budget } = useBroadcastBudget({ skip: !enabled });
  if (!enabled || !budget) return null;
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} minWidth="240px" data-testid="zalo-broadcast-budget">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h2">
          {formatMessage({ id: t('budget.title'), defaultMessage: 'Zalo broadcasts this month' })}
        </Typography>
        <Typography textColor={budget.remaining === 0 ? 'danger600' : 'neutral800'}>
          {formatMessage({ id: t('budget.used'), defaultMessage: '{used} of {limit} used' }, { used: budget.used, limit: budget.limit })}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: t('budget.detail'), defaultMessage: '{delivered} sent, {queued} waiting · sending hours {window}' },
            { delivered: budget.delivered, queued: budget.queued, window: budget.window },
          )}
        </Typography>
        {budget.nextPossibleAt ? (
          <Typography variant="pi" textColor="danger600">
            {formatMessage(
              { id: t('budget.next'), defaultMessage: 'Next broadcast possible on {date}' },
              { date: formatDate(budget.nextPossibleAt, { dateStyle: 'short', timeStyle: 'short', timeZone: budget.timeZone }) },
            )}
          </Typography>
        ) : null}
      </Flex>
    </Box>
  );
};
