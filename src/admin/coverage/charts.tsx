import { Box } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent, t } from './format';
import type { HistoryMonth } from './types';

/** Strapi's design-system palette (primary600, success500, warning500, danger600, neutral300). */
const COLORS = { primary: '#4945ff', success: '#5cb176', warning: '#f29d41', danger: '#d02b20', grid: '#dcdce4' };

/** The two headline percentages over the last months, with the 100 % target drawn across. */
export const TrendChart = ({ months }: { months: HistoryMonth[] }) => {
  const intl = useIntl();
  const agencies = intl.formatMessage({ id: t('kpi.agencies.short'), defaultMessage: 'Agencies covered' });
  const policies = intl.formatMessage({ id: t('kpi.policies.short'), defaultMessage: 'Policies fully communicated' });
  const data = months.map((row) => ({
    month: intl.formatDate(`${row.month}-01T00:00:00`, { month: '2-digit', year: 'numeric' }),
    agencies: row.agenciesPercent,
    policies: row.policiesPercent,
  }));
  return (
    <Box height="280px" data-testid="coverage-trend-chart" data-months={months.length}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 16, right: 24, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip formatter={(value) => formatPercent(intl, typeof value === 'number' ? value : null)} />
          <Legend />
          <ReferenceLine y={100} stroke={COLORS.success} strokeDasharray="4 4" />
          <Line type="monotone" dataKey="agencies" name={agencies} stroke={COLORS.primary} strokeWidth={2} dot isAnimationActive={false} />
          <Line type="monotone" dataKey="policies" name={policies} stroke={COLORS.warning} strokeWidth={2} dot isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
};

type Series = { key: string; name: string; color: keyof typeof COLORS };

/** Grouped bars: one group per row (a stage, a channel), one bar per series. */
export const GroupedBars = ({ rows, series, testId }: { rows: Array<Record<string, string | number>>; series: Series[]; testId: string }) => (
  <Box height="260px" data-testid={testId}>
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 16, right: 24, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {series.map((item) => (
          <Bar key={item.key} dataKey={item.key} name={item.name} fill={COLORS[item.color]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  </Box>
);
