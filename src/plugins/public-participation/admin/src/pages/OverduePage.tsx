import * as React from 'react';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { AgencyCount, WorkItem as OverdueRow } from '../../../contracts';
import { FEEDBACK_UID, t } from '../pluginId';

const COUNT_KEYS = ['total', 'open', 'overdue', 'answered', 'rejected'] as const;

/** "Góp ý quá hạn / Overdue feedback": the overdue list (own agency first) and counts per agency. */
const OverduePage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const [rows, setRows] = React.useState<OverdueRow[] | null>(null);
  const [counts, setCounts] = React.useState<AgencyCount[]>([]);
  const [failed, setFailed] = React.useState(false);
  const [overdueOnly, setOverdueOnly] = React.useState(true);

  React.useEffect(() => {
    Promise.all([
      get<{ data: OverdueRow[] }>(`/public-participation/${overdueOnly ? 'overdue' : 'open'}`, { params: { pageSize: 100 } }),
      get<{ data: AgencyCount[] }>('/public-participation/agency-counts'),
    ])
      .then(([overdue, perAgency]) => {
        setRows(overdue.data.data);
        setCounts(perAgency.data.data);
      })
      .catch(() => setFailed(true));
  }, [get, overdueOnly]);

  if (failed) return <Page.Error />;
  if (!rows) return <Page.Loading />;
  const message = (key: string, defaultMessage: string, values?: Record<string, string | number>): string =>
    formatMessage({ id: t(key), defaultMessage }, values);
  const unassigned = message('overdue.unassigned', 'Not assigned yet');

  return (
    <Page.Main>
      <Page.Title>{message('overdue.title', 'Overdue feedback')}</Page.Title>
      <Layouts.Header title={message('overdue.title', 'Overdue feedback')} subtitle={message('overdue.subtitle', 'Feedback still unanswered after its due date.')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={8}>
          <Flex gap={2}>
            <Button variant={overdueOnly ? 'default' : 'tertiary'} onClick={() => setOverdueOnly(true)}>
              {message('tab.overdue', 'Overdue')}
            </Button>
            <Button variant={overdueOnly ? 'tertiary' : 'default'} onClick={() => setOverdueOnly(false)}>
              {message('tab.open', 'All open')}
            </Button>
          </Flex>
          {rows.length === 0 ? (
            <Box background="neutral0" padding={6} hasRadius>
              <Typography>{message('overdue.empty', 'No overdue feedback.')}</Typography>
            </Box>
          ) : (
            <Table colCount={6} rowCount={rows.length + 1}>
              <Thead>
                <Tr>
                  {(['code', 'content', 'target', 'agency', 'dueAt', 'late'] as const).map((key) => (
                    <Th key={key}>
                      <Typography variant="sigma">{message(`column.${key}`, key)}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((row) => (
                  <Tr key={row.documentId}>
                    <Td>
                      <Link to={`/content-manager/collection-types/${FEEDBACK_UID}/${row.documentId}`}>{row.trackingCode}</Link>
                    </Td>
                    <Td>
                      <Box maxWidth="32rem">
                        <Typography ellipsis>{row.excerpt}</Typography>
                      </Box>
                    </Td>
                    <Td>
                      <Box maxWidth="20rem">
                        <Typography ellipsis>{row.target?.title ?? ''}</Typography>
                      </Box>
                    </Td>
                    <Td>
                      <Flex gap={2}>
                        <Typography>{row.respondingAgency?.name ?? unassigned}</Typography>
                        {row.mine ? <Badge active>{message('overdue.mine', 'Your agency')}</Badge> : null}
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>{row.dueAt ? formatDate(row.dueAt, { dateStyle: 'short' }) : ''}</Typography>
                    </Td>
                    <Td>
                      {row.daysOverdue > 0 || (row.dueAt && new Date(row.dueAt).getTime() < Date.now()) ? (
                        <Typography textColor="danger600">{message('overdue.daysLate', '{days} days', { days: row.daysOverdue })}</Typography>
                      ) : null}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
          <Box>
            <Box paddingBottom={4}>
              <Typography variant="delta" tag="h2">
                {message('counts.title', 'Feedback per agency')}
              </Typography>
            </Box>
            <Table colCount={COUNT_KEYS.length + 1} rowCount={counts.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{message('column.agency', 'Responding agency')}</Typography>
                  </Th>
                  {COUNT_KEYS.map((key) => (
                    <Th key={key}>
                      <Typography variant="sigma">{message(`counts.${key}`, key)}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {counts.map((row) => (
                  <Tr key={row.agency?.documentId ?? 'unassigned'}>
                    <Td>
                      <Typography>{row.agency?.name ?? unassigned}</Typography>
                    </Td>
                    {COUNT_KEYS.map((key) => (
                      <Td key={key}>
                        <Typography textColor={key === 'overdue' && row.overdue > 0 ? 'danger600' : undefined}>{row[key]}</Typography>
                      </Td>
                    ))}
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default OverduePage;
