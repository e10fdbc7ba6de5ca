import * as React from 'react';
import {
  Box,
  Button,
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
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { AUDIT_ACTIONS, type AuditEntry, type EntriesPage } from '../../../contracts';
import { t } from '../pluginId';

const PAGE_SIZE = 25;

type Filters = { action: string; actor: string; from: string; to: string };
const NO_FILTERS: Filters = { action: '', actor: '', from: '', to: '' };

/** `from`/`to` are calendar days in the browser's time zone; `to` includes the whole day. */
const dayStart = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const dayEnd = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();

const detailsText = (details: AuditEntry['details']) =>
  Object.entries(details)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(' · ');

/** "Nhật ký kiểm toán / Audit trail": every recorded sensitive action, newest first (read-only). */
const AuditTrailPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const [filters, setFilters] = React.useState<Filters>(NO_FILTERS);
  const [page, setPage] = React.useState(1);
  const [result, setResult] = React.useState<EntriesPage | null>(null);
  const [failed, setFailed] = React.useState<string | null>(null);

  const message = (key: string, defaultMessage: string, values?: Record<string, string | number>): string =>
    formatMessage({ id: t(key), defaultMessage }, values);

  React.useEffect(() => {
    const params: Record<string, string | number> = { page, pageSize: PAGE_SIZE };
    if (filters.action) params.action = filters.action;
    if (filters.actor.trim()) params.actor = filters.actor.trim();
    if (filters.from) params.from = dayStart(filters.from);
    if (filters.to) params.to = dayEnd(filters.to);
    let live = true;
    get<EntriesPage>('/audit-trail/entries', { params })
      .then((response) => {
        if (!live) return;
        setResult(response.data);
        setFailed(null);
      })
      .catch((error: { response?: { data?: { error?: { message?: string } } } }) => {
        if (live) setFailed(error.response?.data?.error?.message ?? 'error');
      });
    return () => {
      live = false;
    };
  }, [get, page, filters]);

  const change = (key: keyof Filters) => (value: string) => {
    setPage(1);
    setFilters((current) => ({ ...current, [key]: value }));
  };

  if (!result && !failed) return <Page.Loading />;
  const rows = result?.data ?? [];
  const pageCount = Math.max(result?.meta.pagination.pageCount ?? 1, 1);
  const actionLabel = (action: string) => message(`action.${action}`, action);

  return (
    <Page.Main>
      <Page.Title>{message('page.title', 'Audit trail')}</Page.Title>
      <Layouts.Header
        title={message('page.title', 'Audit trail')}
        subtitle={message('page.subtitle', 'Sensitive actions: who, when, on what, from where. Entries can never be changed or deleted.')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Flex gap={4} alignItems="flex-end" wrap="wrap">
            <Box minWidth="260px">
              <SingleSelect
                aria-label={message('filter.action', 'Action')}
                placeholder={message('filter.action', 'Action')}
                value={filters.action}
                onChange={(value) => change('action')(String(value))}
                onClear={() => change('action')('')}
              >
                {AUDIT_ACTIONS.map((action) => (
                  <SingleSelectOption key={action} value={action}>
                    {actionLabel(action)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box minWidth="260px">
              <TextInput
                aria-label={message('filter.actor', 'Actor (e-mail or id)')}
                placeholder={message('filter.actor', 'Actor (e-mail or id)')}
                value={filters.actor}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => change('actor')(event.target.value)}
              />
            </Box>
            <Box>
              <TextInput
                type="date"
                aria-label={message('filter.from', 'From')}
                value={filters.from}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => change('from')(event.target.value)}
              />
            </Box>
            <Box>
              <TextInput
                type="date"
                aria-label={message('filter.to', 'To')}
                value={filters.to}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => change('to')(event.target.value)}
              />
            </Box>
            <Button variant="tertiary" onClick={() => setFilters(NO_FILTERS)}>
              {message('filter.clear', 'Clear filters')}
            </Button>
          </Flex>
          {failed ? (
            <Box background="danger100" padding={4} hasRadius>
              <Typography textColor="danger700">{failed === 'error' ? message('error', 'The audit trail could not be loaded.') : failed}</Typography>
            </Box>
          ) : null}
          <Table colCount={6} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                {(
                  [
                    ['column.time', 'Time'],
                    ['column.action', 'Action'],
                    ['column.actor', 'Who'],
                    ['column.subject', 'On what'],
                    ['column.details', 'Details'],
                    ['column.origin', 'From where'],
                  ] as const
                ).map(([id, defaultMessage]) => (
                  <Th key={id}>
                    <Typography variant="sigma">{message(id, defaultMessage)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((entry) => (
                <Tr key={entry.id}>
                  <Td>
                    <Typography>{formatDate(entry.occurredAt, { dateStyle: 'short', timeStyle: 'medium' })}</Typography>
                  </Td>
                  <Td>
                    <Typography>{actionLabel(entry.action)}</Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography>{entry.actor.name ?? message(`actor.${entry.actor.kind}`, entry.actor.kind)}</Typography>
                      <Typography variant="pi" textColor="neutral600">
                        {[entry.actor.email, entry.actor.id === null ? null : `#${entry.actor.id}`].filter(Boolean).join(' · ')}
                      </Typography>
                    </Flex>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Box maxWidth="20rem">
                        <Typography ellipsis>{entry.subject.label ?? entry.subject.id ?? ''}</Typography>
                      </Box>
                      <Typography variant="pi" textColor="neutral600">
                        {entry.subject.type}
                        {entry.subject.id ? ` · ${entry.subject.id}` : ''}
                      </Typography>
                    </Flex>
                  </Td>
                  <Td>
                    <Box maxWidth="28rem">
                      <Typography variant="pi" ellipsis title={detailsText(entry.details)}>
                        {detailsText(entry.details)}
                      </Typography>
                    </Box>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography>{entry.ip ?? '—'}</Typography>
                      <Box maxWidth="14rem">
                        <Typography variant="pi" textColor="neutral600" ellipsis title={entry.userAgent ?? ''}>
                          {entry.userAgent ?? ''}
                        </Typography>
                      </Box>
                    </Flex>
                  </Td>
                </Tr>
              ))}
              {rows.length === 0 ? (
                <Tr>
                  <Td colSpan={6}>
                    <Typography textColor="neutral600">{message('empty', 'No entry.')}</Typography>
                  </Td>
                </Tr>
              ) : null}
            </Tbody>
          </Table>
          <Flex gap={2} justifyContent="flex-end">
            <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {message('pagination.previous', 'Previous')}
            </Button>
            <Typography>{message('pagination.page', 'Page {page} of {pageCount}', { page, pageCount })}</Typography>
            <Button variant="tertiary" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
              {message('pagination.next', 'Next')}
            </Button>
          </Flex>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default AuditTrailPage;
