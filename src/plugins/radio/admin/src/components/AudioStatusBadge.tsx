import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { AudioStatus } from '../api';
import { t } from '../pluginId';

const COLOURS: Record<AudioStatus, { background: string; text: string }> = {
  none: { background: 'neutral100', text: 'neutral700' },
  pending: { background: 'secondary100', text: 'secondary700' },
  rendering: { background: 'secondary100', text: 'secondary700' },
  ready: { background: 'success100', text: 'success700' },
  'no-voice': { background: 'warning100', text: 'warning700' },
  failed: { background: 'danger100', text: 'danger700' },
};

export const AudioStatusBadge = ({ status }: { status: AudioStatus }) => {
  const { formatMessage } = useIntl();
  const colour = COLOURS[status] ?? COLOURS.none;
  return (
    <Badge backgroundColor={colour.background} textColor={colour.text} data-testid="radio-audio-status" data-status={status}>
      {formatMessage({ id: t(`audio.${status}`), defaultMessage: status })}
    </Badge>
  );
};
