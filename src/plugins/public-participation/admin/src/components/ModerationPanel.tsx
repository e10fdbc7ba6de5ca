import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ModerationSummary as Summary } from '../../../contracts';
import { FEEDBACK_UID, t } from '../pluginId';

type PanelProps = { model: string; documentId?: string; document?: { updatedAt?: string } };

const Moderation = ({ documentId, version }: { documentId: string; version?: string }) => {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const [summary, setSummary] = React.useState<Summary | null>(null);

  // Reloaded after each save (updatedAt changes), so the allowed next statuses follow the form.
  React.useEffect(() => {
    get<{ data: Summary }>(`/public-participation/feedbacks/${documentId}/moderation`)
      .then(({ data }) => setSummary(data.data))
      .catch(() => setSummary(null));
  }, [documentId, get, version]);

  if (!summary) return null;
  const label = (status: string) => formatMessage({ id: t(`status.${status}`), defaultMessage: status });
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <Typography variant="omega">
        {summary.allowedNext.length > 0
          ? formatMessage({ id: t('panel.feedback.next'), defaultMessage: 'Allowed next statuses: {next}' }, { next: summary.allowedNext.map(label).join(', ') })
          : formatMessage({ id: t('panel.feedback.final'), defaultMessage: 'Final status: no further transition.' })}
      </Typography>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: t('panel.feedback.history'), defaultMessage: 'Status history' })}
      </Typography>
      {summary.history.map((entry, index) => (
        <Box key={`${entry.changedAt}-${index}`}>
          <Typography variant="omega" fontWeight="bold">
            {label(entry.status)}
            {entry.note ? ` (${entry.note})` : ''}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {formatDate(entry.changedAt, { dateStyle: 'short', timeStyle: 'short' })} · {entry.changedBy ?? ''}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
};

/** Edit-view side panel of a feedback: the statuses allowed next and who changed the status when. */
export const ModerationPanel = ({ model, documentId, document }: PanelProps) => {
  const { formatMessage } = useIntl();
  if (model !== FEEDBACK_UID || !documentId) return null;
  return {
    title: formatMessage({ id: t('panel.feedback.title'), defaultMessage: 'Moderation' }),
    content: <Moderation documentId={documentId} version={document?.updatedAt} />,
  };
};
