import {
  Badge,
  Box,
  DatePicker,
  Field,
  Flex,
  Grid,
  LinkButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Download, Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { coverageUrl, useChannelHealth, useCoverage, useCoverageHistory } from './api';
import { GroupedBars, TrendChart } from './charts';
import { formatPercent, t } from './format';
import { agencyPath, draftPath, newFocalPointPath, policyPath } from './links';
import { TargetBar } from './TargetBar';
import { STAGES, type ChannelHealth, type Coverage, type Period } from './types';

type Message = (key: string, defaultMessage: string, values?: Record<string, string | number>) => string;

/** A `YYYY-MM-DD` calendar day as the date picker's local date, and back. */
const toDate = (day: string | undefined): Date | undefined => {
  if (!day) return undefined;
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
};
const toDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

const Section = ({ id, title, subtitle, children }: { id: string; title: string; subtitle?: string; children: React.ReactNode }) => (
  <Box id={id} background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid={`coverage-section-${id}`}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Box>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {subtitle ? (
          <Box paddingTop={1}>
            <Typography variant="pi" textColor="neutral600">
              {subtitle}
            </Typography>
          </Box>
        ) : null}
      </Box>
      {children}
    </Flex>
  </Box>
);

const Kpi = ({ id, label, value, detail }: { id: string; label: string; value: number | null; detail: string }) => {
  const intl = useIntl();
  return (
    <Box id={id} background="neutral0" hasRadius shadow="tableShadow" padding={6} height="100%" data-testid={`coverage-kpi-${id}`} data-value={value ?? ''}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          {label}
        </Typography>
        <Typography variant="alpha" tag="p" textColor={value === 100 ? 'success600' : 'neutral800'} data-testid={`coverage-kpi-${id}-text`}>
          {formatPercent(intl, value)}
        </Typography>
        <TargetBar value={value} label={label} />
        <Typography variant="pi" textColor="neutral600">
          {detail}
        </Typography>
      </Flex>
    </Box>
  );
};

/** A row of labelled numbers under a chart: the same figures as the bars, readable and checkable. */
const Figures = ({ items, testId }: { items: Array<{ key: string; label: string; text: string; values: Record<string, number | null> }>; testId: string }) => (
  <Flex gap={2} wrap="wrap">
    {items.map((item) => (
      <Box
        key={item.key}
        background="neutral100"
        hasRadius
        paddingLeft={3}
        paddingRight={3}
        paddingTop={2}
        paddingBottom={2}
        data-testid={testId}
        data-key={item.key}
        {...Object.fromEntries(Object.entries(item.values).map(([name, value]) => [`data-${name}`, value ?? '']))}
      >
        <Typography variant="pi" fontWeight="bold">
          {item.label}
        </Typography>{' '}
        <Typography variant="pi">{item.text}</Typography>
      </Box>
    ))}
  </Flex>
);

const Empty = ({ children }: { children: string }) => <Typography textColor="neutral600">{children}</Typography>;

/** A link inside the admin (content manager), in the design system's link colour and the table's type size. */
const CmLink = ({ to, children }: { to: string; children: React.ReactNode }) => (
  <Link to={to} style={{ textDecoration: 'none' }}>
    <Typography textColor="primary600" fontWeight="semiBold">
      {children}
    </Typography>
  </Link>
);

const HeaderRow = ({ columns }: { columns: string[] }) => (
  <Thead>
    <Tr>
      {columns.map((column, index) => (
        <Th key={index}>
          <Typography variant="sigma">{column}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);

const MissingAgencies = ({ coverage, message }: { coverage: Coverage; message: Message }) => {
  const rows = coverage.agencies.missing;
  if (rows.length === 0) return <Empty>{message('missing.none', 'Every active agency has a leader in charge and a focal point.')}</Empty>;
  return (
    <Table colCount={4} rowCount={rows.length + 1}>
      <HeaderRow columns={[message('column.agency', 'Agency'), message('column.kind', 'Kind'), message('column.lacks', 'Missing'), ' ']} />
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.documentId} data-testid="coverage-missing-row" data-document-id={row.documentId} data-lacks={row.lacks.join(' ')}>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <CmLink to={agencyPath(row.documentId)}>{row.name ?? row.code ?? row.documentId}</CmLink>
                <Typography variant="pi" textColor="neutral600">
                  {row.code ?? ''}
                </Typography>
              </Flex>
            </Td>
            <Td>
              <Typography>{row.kind ? message(`kind.${row.kind}`, row.kind) : '—'}</Typography>
            </Td>
            <Td>
              <Flex gap={1} wrap="wrap">
                {row.lacks.map((role) => (
                  <Badge key={role} backgroundColor="danger100" textColor="danger700">
                    {message(`role.${role}`, role)}
                  </Badge>
                ))}
              </Flex>
            </Td>
            <Td>
              <Flex gap={2} wrap="wrap">
                {row.lacks.map((role) => (
                  <LinkButton
                    key={role}
                    tag={Link}
                    to={newFocalPointPath(row.documentId, role)}
                    size="S"
                    variant="secondary"
                    startIcon={<Plus />}
                    data-testid="coverage-create-focal-point"
                    data-role={role}
                  >
                    {message(`create.${role}`, role)}
                  </LinkButton>
                ))}
              </Flex>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const PolicyGaps = ({ coverage, message }: { coverage: Coverage; message: Message }) => {
  const rows = coverage.policies.gaps;
  if (rows.length === 0) return <Empty>{message('gaps.none', 'Every policy in scope is communicated at every stage it has reached.')}</Empty>;
  const total = coverage.policies.gapsTotal ?? rows.length;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {total > rows.length ? (
        <Typography variant="pi" textColor="neutral600" data-testid="coverage-gaps-truncated">
          {message('gaps.truncated', 'Showing {shown} of {total}: download the CSV for the whole list.', { shown: rows.length, total })}
        </Typography>
      ) : null}
      <Table colCount={3} rowCount={rows.length + 1}>
        <HeaderRow columns={[message('column.policy', 'Policy'), message('column.stage', 'Current stage'), message('column.missingStages', 'Stages not communicated')]} />
        <Tbody>
          {rows.map((row) => (
            <Tr key={row.documentId} data-testid="coverage-gap-row" data-document-id={row.documentId} data-missing={row.missingStages.join(' ')}>
              <Td>
                <Box maxWidth="40rem">
                  <CmLink to={policyPath(row.documentId)}>{row.title ?? row.documentId}</CmLink>
                </Box>
              </Td>
              <Td>
                <Typography>{message(`stage.${row.stage}`, row.stage)}</Typography>
              </Td>
              <Td>
                <Flex gap={1} wrap="wrap">
                  {row.missingStages.map((stage) => (
                    <Badge key={stage} backgroundColor="warning100" textColor="warning700">
                      {message(`stage.${stage}`, stage)}
                    </Badge>
                  ))}
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};

const FeedbackPerAgency = ({ coverage, message }: { coverage: Coverage; message: Message }) => {
  const { formatNumber } = useIntl();
  const rows = [...coverage.feedback.byAgency].sort((a, b) => b.overdue - a.overdue || b.received - a.received);
  const f = coverage.feedback;
  const totals: Array<[string, string, number | null]> = [
    ['received', message('feedback.received', 'Received'), f.received],
    ['answeredOnTime', message('feedback.answeredOnTime', 'Answered on time'), f.answeredOnTime],
    ['answeredLate', message('feedback.answeredLate', 'Answered late'), f.answeredLate],
    ['overdue', message('feedback.overdue', 'Overdue now'), f.overdue],
    ['medianDaysToAnswer', message('feedback.median', 'Median days to answer'), f.medianDaysToAnswer],
  ];
  const show = (value: number | null) => (value === null ? '—' : formatNumber(value, { maximumFractionDigits: 1 }));
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Figures
        testId="coverage-feedback-total"
        items={totals.map(([key, label, value]) => ({ key, label, text: show(value), values: { value } }))}
      />
      {rows.length === 0 ? (
        <Empty>{message('feedback.none', 'No feedback in this period.')}</Empty>
      ) : (
        <Table colCount={6} rowCount={rows.length + 1}>
          <HeaderRow columns={[message('column.agency', 'Agency'), ...totals.map(([, label]) => label)]} />
          <Tbody>
            {rows.map((row, index) => (
              <Tr key={row.documentId ?? `none-${index}`} data-testid="coverage-feedback-row" data-document-id={row.documentId ?? ''} data-overdue={row.overdue}>
                <Td>
                  {row.documentId ? (
                    <CmLink to={agencyPath(row.documentId)}>{row.name ?? row.code ?? row.documentId}</CmLink>
                  ) : (
                    <Typography textColor="neutral600">{message('feedback.unassigned', 'Not assigned to an agency')}</Typography>
                  )}
                </Td>
                <Td>
                  <Typography>{show(row.received)}</Typography>
                </Td>
                <Td>
                  <Typography>{show(row.answeredOnTime)}</Typography>
                </Td>
                <Td>
                  <Typography>{show(row.answeredLate)}</Typography>
                </Td>
                <Td>
                  <Typography textColor={row.overdue > 0 ? 'danger600' : 'neutral800'} fontWeight={row.overdue > 0 ? 'bold' : undefined}>
                    {show(row.overdue)}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{show(row.medianDaysToAnswer)}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Flex>
  );
};

const channelLabel = (name: string, health: ChannelHealth[] | null, locale: string, message: Message) => {
  const known = health?.find((channel) => channel.name === name);
  if (known) return locale.startsWith('vi') ? known.label.vi : known.label.en;
  return message(`channel.${name}`, name);
};

const ChannelHealthTable = ({ coverage, health, message }: { coverage: Coverage; health: ChannelHealth[] | null; message: Message }) => {
  const { locale, formatDate } = useIntl();
  const names = Object.keys(coverage.channels);
  if (names.length === 0) return <Empty>{message('channels.none', 'Multi-channel publishing is switched off.')}</Empty>;
  const columns = [
    message('column.channel', 'Channel'),
    message('channels.delivered', 'Delivered'),
    message('channels.failed', 'Failed'),
    message('channels.dead', 'Dead'),
    ...(health ? [message('channels.state', 'State'), message('channels.lastSuccess', 'Last success'), message('channels.backlog', 'Waiting')] : []),
  ];
  return (
    <Table colCount={columns.length} rowCount={names.length + 1}>
      <HeaderRow columns={columns} />
      <Tbody>
        {names.map((name) => {
          const counts = coverage.channels[name];
          const live = health?.find((channel) => channel.name === name);
          return (
            <Tr key={name} data-testid="coverage-channel-row" data-channel={name} data-delivered={counts.delivered} data-failed={counts.failed} data-dead={counts.dead}>
              <Td>
                <Typography fontWeight="bold">{channelLabel(name, health, locale, message)}</Typography>
              </Td>
              <Td>
                <Typography>{counts.delivered}</Typography>
              </Td>
              <Td>
                <Typography textColor={counts.failed > 0 ? 'warning700' : 'neutral800'}>{counts.failed}</Typography>
              </Td>
              <Td>
                <Typography textColor={counts.dead > 0 ? 'danger600' : 'neutral800'}>{counts.dead}</Typography>
              </Td>
              {health ? (
                <>
                  <Td>
                    {live ? (
                      <Badge
                        backgroundColor={live.enabled && live.configComplete ? 'success100' : 'neutral150'}
                        textColor={live.enabled && live.configComplete ? 'success700' : 'neutral700'}
                      >
                        {!live.enabled
                          ? message('channels.off', 'Not configured')
                          : live.configComplete
                            ? message('channels.on', 'Active')
                            : message('channels.incomplete', 'Incomplete')}
                      </Badge>
                    ) : (
                      <Typography>—</Typography>
                    )}
                  </Td>
                  <Td>
                    <Typography variant="pi">{live?.lastSuccessAt ? formatDate(live.lastSuccessAt, { dateStyle: 'short', timeStyle: 'short' }) : '—'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{live ? live.backlog : '—'}</Typography>
                  </Td>
                </>
              ) : null}
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};

/**
 * "Độ bao phủ / Coverage": the province's two targets (every agency with a leader in charge and a
 * focal point; every policy in scope communicated at every stage it reached), their trend, what is
 * missing and who to chase. Everything comes from the public coverage API (transparency data), plus
 * the publishing plugin's channel health when the user may read it.
 */
const CoveragePage = () => {
  const intl = useIntl();
  const { formatMessage, formatDate } = intl;
  const message: Message = (key, defaultMessage, values) => formatMessage({ id: t(key), defaultMessage }, values);
  const [params, setParams] = useSearchParams();
  const period: Period = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const coverage = useCoverage(period);
  const history = useCoverageHistory(12);
  const health = useChannelHealth();
  const location = useLocation();
  const data = coverage.data;

  // The widget links to a section (#agencies, #missing, ...): scroll there once the figures are in.
  React.useEffect(() => {
    if (data && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [data, location.hash]);

  const setDay = (key: 'from' | 'to') => (date: Date | undefined) => {
    const next = new URLSearchParams(params);
    if (date) next.set(key, toDay(date));
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const title = message('page.title', 'Coverage');
  if (coverage.error && !data) {
    return (
      <Page.Main>
        <Page.Title>{title}</Page.Title>
        <Layouts.Header title={title} />
        <Layouts.Content>
          <Box background="danger100" padding={4} hasRadius data-testid="coverage-error">
            <Typography textColor="danger700">{coverage.error}</Typography>
          </Box>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!data) return <Page.Loading />;

  const stageRows = STAGES.map((stage) => ({ key: stage, label: message(`stage.${stage}`, stage), ...data.policies.byStage[stage] }));
  const channelNames = Object.keys(data.policies.byChannel);
  const channelRows = channelNames.map((name) => ({
    key: name,
    label: channelLabel(name, health, intl.locale, message),
    ...data.policies.byChannel[name],
  }));

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={message('page.subtitle', 'The province’s two targets: every agency with a leader in charge and a focal point, every policy communicated at every stage')}
        primaryAction={
          <LinkButton
            href={coverageUrl({ ...period, format: 'csv' })}
            download="coverage-gaps.csv"
            variant="secondary"
            startIcon={<Download />}
            data-testid="coverage-csv"
          >
            {message('action.csv', 'Download gaps (CSV)')}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Flex gap={4} alignItems="flex-end" wrap="wrap" data-testid="coverage-period" data-from={data.period.from} data-to={data.period.to}>
            <Field.Root name="from">
              <Field.Label>{message('period.from', 'From')}</Field.Label>
              <DatePicker value={toDate(period.from ?? data.period.from)} onChange={setDay('from')} onClear={() => setDay('from')(undefined)} data-testid="coverage-from" />
            </Field.Root>
            <Field.Root name="to">
              <Field.Label>{message('period.to', 'To')}</Field.Label>
              <DatePicker value={toDate(period.to ?? data.period.to)} onChange={setDay('to')} onClear={() => setDay('to')(undefined)} data-testid="coverage-to" />
            </Field.Root>
            <Typography variant="pi" textColor="neutral600">
              {message('period.hint', 'The period bounds feedback and channel activity; coverage is as of today. Figures of {generatedAt}.', {
                generatedAt: formatDate(data.generatedAt, { dateStyle: 'short', timeStyle: 'short' }),
              })}
            </Typography>
          </Flex>

          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Kpi
                id="agencies"
                value={data.agencies.percent}
                label={message('kpi.agencies', 'Agencies with a leader in charge and a focal point')}
                detail={message('kpi.agencies.detail', '{covered} of {total} agencies', { covered: data.agencies.covered, total: data.agencies.total })}
              />
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Kpi
                id="policies"
                value={data.policies.percent}
                label={message('kpi.policies', 'Policies communicated at every stage')}
                detail={message('kpi.policies.detail', '{covered} of {total} policies in scope', {
                  covered: data.policies.fullyCommunicated,
                  total: data.policies.inScope,
                })}
              />
            </Grid.Item>
          </Grid.Root>

          <Section id="trend" title={message('trend.title', 'Last 12 months')} subtitle={message('trend.subtitle', 'Recorded every day, so later edits do not rewrite the past')}>
            {history.data ? (
              <>
                <TrendChart months={history.data.months} />
                <Figures
                  testId="coverage-trend-latest"
                  items={history.data.months
                    .filter((row) => row.recordedOn !== null)
                    .slice(-1)
                    .map((row) => ({
                      key: row.month,
                      label: message('trend.latest', 'Last recorded {day}:', { day: formatDate(`${row.recordedOn}T00:00:00`, { dateStyle: 'short' }) }),
                      text: `${formatPercent(intl, row.agenciesPercent)} · ${formatPercent(intl, row.policiesPercent)}`,
                      values: { agencies: row.agenciesPercent, policies: row.policiesPercent },
                    }))}
                />
              </>
            ) : (
              <Empty>{history.error ?? message('loading', 'Loading…')}</Empty>
            )}
          </Section>

          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Section id="stages" title={message('stages.title', 'Per stage')} subtitle={message('stages.subtitle', 'Policies that reached each stage, and those communicated while in it')}>
                <GroupedBars
                  testId="coverage-stage-chart"
                  rows={stageRows.map(({ label, reached, communicated }) => ({ label, reached, communicated }))}
                  series={[
                    { key: 'reached', name: message('stages.reached', 'Reached'), color: 'primary' },
                    { key: 'communicated', name: message('stages.communicated', 'Communicated'), color: 'success' },
                  ]}
                />
                <Figures
                  testId="coverage-stage"
                  items={stageRows.map((row) => ({
                    key: row.key,
                    label: row.label,
                    text: `${row.communicated}/${row.reached} (${formatPercent(intl, row.percent)})`,
                    values: { reached: row.reached, communicated: row.communicated },
                  }))}
                />
              </Section>
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Section id="channels-coverage" title={message('byChannel.title', 'Per channel')} subtitle={message('byChannel.subtitle', 'Policy stages communicated through each channel')}>
                {channelRows.length === 0 ? (
                  <Empty>{message('channels.none', 'Multi-channel publishing is switched off.')}</Empty>
                ) : (
                  <>
                    <GroupedBars
                      testId="coverage-channel-chart"
                      rows={channelRows.map(({ label, communicated }) => ({ label, communicated }))}
                      series={[{ key: 'communicated', name: message('stages.communicated', 'Communicated'), color: 'primary' }]}
                    />
                    <Figures
                      testId="coverage-by-channel"
                      items={channelRows.map((row) => ({
                        key: row.key,
                        label: row.label,
                        text: `${row.communicated} (${formatPercent(intl, row.percent)})`,
                        values: { communicated: row.communicated },
                      }))}
                    />
                  </>
                )}
              </Section>
            </Grid.Item>
          </Grid.Root>

          <Section id="missing" title={message('missing.title', 'Agencies missing a leader in charge or a focal point')}>
            <MissingAgencies coverage={data} message={message} />
          </Section>

          <Section id="gaps" title={message('gaps.title', 'Policies with communication gaps')}>
            <PolicyGaps coverage={data} message={message} />
          </Section>

          <Section id="feedback" title={message('feedback.title', 'Feedback per agency')} subtitle={message('feedback.subtitle', 'Feedback received in the period; overdue is as of now')}>
            <FeedbackPerAgency coverage={data} message={message} />
          </Section>

          <Section
            id="consultations"
            title={message('consultations.title', 'Consultations')}
            subtitle={message('consultations.summary', '{withOutcome} of {closed} closed consultations have a published outcome ({percent})', {
              withOutcome: data.consultations.withOutcome,
              closed: data.consultations.closed,
              percent: formatPercent(intl, data.consultations.percent),
            })}
          >
            {data.consultations.overdue.length === 0 ? (
              <Empty>{message('consultations.none', 'No outcome overdue.')}</Empty>
            ) : (
              <Table colCount={2} rowCount={data.consultations.overdue.length + 1}>
                <HeaderRow columns={[message('column.draft', 'Consultation draft'), message('column.daysOverdue', 'Days overdue')]} />
                <Tbody>
                  {data.consultations.overdue.map((row) => (
                    <Tr key={row.documentId}>
                      <Td>
                        <CmLink to={draftPath(row.documentId)}>{row.title ?? row.documentId}</CmLink>
                      </Td>
                      <Td>
                        <Typography textColor="danger600">{row.daysOverdue}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Section>

          <Section id="channels" title={message('channels.title', 'Channel health')} subtitle={message('channels.subtitle', 'Deliveries in the period')}>
            <ChannelHealthTable coverage={data} health={health} message={message} />
          </Section>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export { CoveragePage };
export default CoveragePage;
