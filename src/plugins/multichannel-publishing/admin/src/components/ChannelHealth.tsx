import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ChannelHealthState, ChannelView } from '../../../contracts';
import { t } from '../constants';

const VARIANTS: Record<ChannelHealthState, 'success' | 'warning' | 'danger' | 'neutral'> = {
  ok: 'success',
  degraded: 'warning',
  failing: 'danger',
  unconfigured: 'neutral',
};

const TEXT_COLOURS: Record<ChannelHealthState, string> = {
  ok: 'success600',
  degraded: 'warning600',
  failing: 'danger600',
  unconfigured: 'neutral600',
};

const DEFAULTS: Record<ChannelHealthState, string> = {
  ok: 'Working',
  degraded: 'Some failures',
  failing: 'Failing',
  unconfigured: 'Not configured',
};

/** The channel's health as a coloured badge, with the reason in words ("28 bài gần nhất đều lỗi: …"). */
export const ChannelHealth = ({ channel }: { channel: ChannelView }) => {
  const { formatMessage, locale } = useIntl();
  const text = channel.healthText ? (locale.startsWith('vi') ? channel.healthText.vi : channel.healthText.en) : null;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-health={channel.health} data-channel={channel.name}>
      <Badge variant={VARIANTS[channel.health]}>
        {formatMessage({ id: t(`health.${channel.health}`), defaultMessage: DEFAULTS[channel.health] })}
      </Badge>
      {text ? (
        <Box maxWidth="320px">
          <Typography variant="pi" textColor={TEXT_COLOURS[channel.health]} data-health-text>
            {text}
          </Typography>
        </Box>
      ) : null}
    </Flex>
  );
};

/** The admin-panel notice about channels that are failing (shown above the channel cards). */
export const FailingChannelsNotice = ({ channels }: { channels: ChannelView[] }) => {
  const { formatMessage, formatDate, locale } = useIntl();
  const failing = channels.filter((channel) => channel.health === 'failing');
  if (failing.length === 0) return null;
  return (
    <Box background="danger100" borderColor="danger200" hasRadius padding={4} role="alert" data-failing-notice>
      <Flex direction="column" alignItems="flex-start" gap={2}>
        <Typography fontWeight="bold" textColor="danger700">
          {formatMessage({ id: t('health.notice.title'), defaultMessage: 'Some channels are failing: their deliveries do not reach the public' })}
        </Typography>
        {failing.map((channel) => {
          const label = locale.startsWith('vi') ? channel.label.vi : channel.label.en;
          const text = channel.healthText ? (locale.startsWith('vi') ? channel.healthText.vi : channel.healthText.en) : '';
          return (
            <Typography key={channel.name} textColor="danger700">
              {formatMessage(
                { id: t('health.notice.channel'), defaultMessage: '{channel} (since {since}): {reason}' },
                {
                  channel: label,
                  since: channel.healthSince ? formatDate(channel.healthSince, { dateStyle: 'short', timeStyle: 'short' }) : '—',
                  reason: text,
                },
              )}
            </Typography>
          );
        })}
        <Typography variant="pi" textColor="danger700">
          {formatMessage({
            id: t('health.notice.hint'),
            defaultMessage: 'Fix the cause, then select the deliveries that gave up and press “Retry selected”.',
          })}
        </Typography>
      </Flex>
    </Box>
  );
};
