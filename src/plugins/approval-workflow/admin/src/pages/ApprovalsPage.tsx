import * as React from 'react';
import {
  Box,
  EmptyStateLayout,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, Pagination, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { describeError, useApprovalApi, type Inbox, type Stage } from '../api';
import { StageBadge } from '../components/StageBadge';
import { getTranslation } from '../utils/getTranslation';

type Query = { contentType?: string; stage?: Stage; page?: string; pageSize?: string };

const ALL = '__all__';
const STAGES: Stage[] = ['in-review', 'changes-requested', 'draft', 'approved'];

const editUrl = (uid: string, documentId: string, locale: string | null) =>
  `/content-manager/collection-types/${uid}/${documentId}${locale ? `?plugins[i18n][locale]=${locale}` : ''}`;

type FilterSelectProps = {
  name: 'contentType' | 'stage';
  minWidth: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  onChange: (value: string | number) => void;
  options: Array<{ value: string; label: string }>;
};

/** One inbox filter: "All" first, then the options; the test id names the filter. */
const FilterSelect = ({ name, minWidth, label, allLabel, value, onChange, options }: FilterSelectProps) => (
  <Field.Root name={name} minWidth={minWidth}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect
      aria-label={label}
      placeholder={label}
      value={value ?? ALL}
      onChange={onChange}
      data-testid={`approvals-filter-${name === 'contentType' ? 'content-type' : name}`}
    >
      <SingleSelectOption value={ALL}>{allLabel}</SingleSelectOption>
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Field.Root>
);

/** "Chờ duyệt / Approvals": the caller's inbox, filterable by content type and stage. */
const ApprovalsPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const api = useApprovalApi();
  const [{ query }, setQuery] = useQueryParams<Query>();
  const [inbox, setInbox] = React.useState<Inbox | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  React.useEffect(() => {
    let alive = true;
    setError(null);
    api
      .inbox({ contentType: query.contentType, stage: query.stage, page: query.page ? Number(query.page) : undefined })
      .then((result) => alive && setInbox(result))
      .catch((caught: unknown) => alive && setError(describeError(caught).message ?? String(caught)));
    return () => {
      alive = false;
    };
  }, [api, query.contentType, query.stage, query.page]);

  const setFilter = (key: 'contentType' | 'stage', value: string | number) =>
    setQuery({ ...query, [key]: value === ALL ? undefined : String(value), page: undefined });

  return (
    <Page.Main>
      <Page.Title>{t('page.title', 'Approvals')}</Page.Title>
      <Layouts.Header title={t('page.title', 'Approvals')} subtitle={t('page.subtitle', 'Documents waiting for you, oldest first')} />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          <FilterSelect
            name="contentType"
            minWidth="240px"
            label={t('page.filter.content-type', 'Content type')}
            allLabel={t('page.filter.all', 'All')}
            value={query.contentType}
            onChange={(value) => setFilter('contentType', value)}
            options={(inbox?.meta.filters.contentTypes ?? []).map((entry) => ({ value: entry.uid, label: entry.displayName }))}
          />
          <FilterSelect
            name="stage"
            minWidth="200px"
            label={t('page.filter.stage', 'Stage')}
            allLabel={t('page.filter.all', 'All')}
            value={query.stage}
            onChange={(value) => setFilter('stage', value)}
            options={STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`, stage) }))}
          />
        </Flex>
        {error ? (
          <Typography textColor="danger600">{error}</Typography>
        ) : !inbox ? (
          <Loader>{t('panel.loading', 'Loading…')}</Loader>
        ) : inbox.data.length === 0 ? (
          <EmptyStateLayout content={t('page.empty', 'Nothing waits for you.')} />
        ) : (
          <>
            <Table colCount={8} rowCount={inbox.data.length + 1} data-testid="approvals-table">
              <Thead>
                <Tr>
                  {[
                    ['page.column.title', 'Title'],
                    ['page.column.content-type', 'Content type'],
                    ['page.column.locale', 'Locale'],
                    ['page.column.stage', 'Stage'],
                    ['page.column.approvals', 'Approvals'],
                    ['page.column.next-step', 'Next step'],
                    ['page.column.awaiting', 'Waiting for'],
                    ['page.column.since', 'Waiting since'],
                  ].map(([id, label]) => (
                    <Th key={id}>
                      <Typography variant="sigma">{t(id, label)}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {inbox.data.map((item) => (
                  <Tr key={`${item.uid}|${item.documentId}|${item.locale ?? ''}`}>
                    <Td>
                      <Link to={editUrl(item.uid, item.documentId, item.locale)}>
                        <Typography textColor="primary600" fontWeight="bold">
                          {item.title}
                        </Typography>
                      </Link>
                    </Td>
                    <Td>
                      <Typography>{item.contentTypeName}</Typography>
                    </Td>
                    <Td>
                      <Typography>{item.locale ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <StageBadge stage={item.stage} />
                    </Td>
                    <Td>
                      <Typography>
                        {item.approvalCount}/{item.requiredApprovals}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography data-testid="approvals-next-step">
                        {item.nextStep ? `${t(`step.${item.nextStep.key}`, item.nextStep.key)} (${item.nextStep.role.name})` : '—'}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>{t(`awaiting.${item.awaiting}`, item.awaiting)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{item.waitingSince ? formatDate(item.waitingSince, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {inbox.meta.pagination.pageCount > 1 ? (
              <Box paddingTop={4}>
                <Pagination.Root
                  pageCount={inbox.meta.pagination.pageCount}
                  total={inbox.meta.pagination.total}
                  defaultPage={inbox.meta.pagination.page}
                  defaultPageSize={inbox.meta.pagination.pageSize}
                >
                  <Pagination.Links />
                </Pagination.Root>
              </Box>
            ) : null}
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ApprovalsPage;
