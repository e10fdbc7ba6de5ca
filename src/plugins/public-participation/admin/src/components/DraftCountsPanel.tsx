import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { CONSULTATION_DRAFT_UID, t } from '../pluginId';
import type { DraftCounts as DraftCountsShape } from '../../../contracts';

type Counts = DraftCountsShape;
type PanelProps = { model: string; documentId?: string };

const CountsList = ({ title, counts, prefix }: { title: string; counts: Record<string, number>; prefix: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Box>
      <Typography variant="sigma" textColor="neutral600">
        {title}
      </Typography>
      {Object.entries(counts).map(([key, value]) => (
        <Flex key={key} justifyContent="space-between">
          <Typography variant="omega">{formatMessage({ id: t(`${prefix}.${key}`), defaultMessage: key })}</Typography>
          <Typography variant="omega" fontWeight="bold">
            {value}
          </Typography>
        </Flex>
      ))}
    </Box>
  );
};

const DraftCounts = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [counts, setCounts] = React.useState<Counts | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    get<{ data: Counts }>(`/public-participation/consultation-drafts/${documentId}/counts`)
      .then(({ data }) => setCounts(data.data))
      .catch(() => setFailed(true));
  }, [documentId, get]);

  // The CSV needs the admin token, so it is fetched and handed to the browser as a file.
  const download = async () => {
    const { data } = await get<Blob>(`/feedback-export/consultation-drafts/${documentId}.csv`, { responseType: 'blob' });
    const url = URL.createObjectURL(data);
    const link = document.createElement('a');
    link.href = url;
    link.download = `gop-y-du-thao-${documentId}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  if (failed) return <Typography textColor="danger600">{formatMessage({ id: t('error.load'), defaultMessage: 'Could not load the data.' })}</Typography>;
  if (!counts) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Typography variant="omega">
        {formatMessage({ id: t('panel.draft.total'), defaultMessage: 'Feedback received: {total} (overdue: {overdue})' }, { total: counts.total, overdue: counts.overdue })}
      </Typography>
      <CountsList title={formatMessage({ id: t('panel.draft.byCategory'), defaultMessage: 'By category' })} counts={counts.byCategory} prefix="category" />
      <CountsList title={formatMessage({ id: t('panel.draft.byStatus'), defaultMessage: 'By status' })} counts={counts.byStatus} prefix="status" />
      <Button variant="secondary" startIcon={<Download />} onClick={download} fullWidth>
        {formatMessage({ id: t('panel.draft.export'), defaultMessage: 'Export CSV for the synthesis report' })}
      </Button>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: t('panel.draft.report'), defaultMessage: 'Report on how feedback was taken in: the responseReport field.' })}
      </Typography>
    </Flex>
  );
};

/** Edit-view side panel of a consultation draft: feedback counts by category and status, and the CSV export. */
export const DraftCountsPanel = ({ model, documentId }: PanelProps) => {
  const { formatMessage } = useIntl();
  if (model !== CONSULTATION_DRAFT_UID || !documentId) return null;
  return {
    title: formatMessage({ id: t('panel.draft.title'), defaultMessage: 'Public feedback' }),
    content: <DraftCounts documentId={documentId} />,
  };
};
