import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useCoverage } from './api';
import { formatPercent, t } from './format';
import { COVERAGE_PATH } from './links';
import { TargetBar } from './TargetBar';

const Headline = ({ id, label, value, detail, to }: { id: string; label: string; value: number | null; detail: string; to: string }) => {
  const intl = useIntl();
  return (
    <Link to={to} style={{ textDecoration: 'none', color: 'inherit' }} data-testid={`coverage-widget-${id}`} data-value={value ?? ''}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Flex justifyContent="space-between" gap={2}>
          <Typography variant="omega" textColor="neutral800">
            {label}
          </Typography>
          <Typography variant="delta" tag="span" textColor={value === 100 ? 'success600' : 'neutral800'} data-testid={`coverage-widget-${id}-text`}>
            {formatPercent(intl, value)}
          </Typography>
        </Flex>
        <TargetBar value={value} label={label} />
        <Typography variant="pi" textColor="neutral600">
          {detail}
        </Typography>
      </Flex>
    </Link>
  );
};

const Count = ({ id, label, value, to }: { id: string; label: string; value: number; to: string }) => (
  <Link to={to} style={{ textDecoration: 'none', color: 'inherit', flex: 1 }} data-testid={`coverage-widget-${id}`} data-value={value}>
    <Box background={value > 0 ? 'danger100' : 'neutral100'} hasRadius padding={3}>
      <Typography variant="beta" tag="p" textColor={value > 0 ? 'danger700' : 'neutral800'}>
        {value}
      </Typography>
      <Typography variant="pi" textColor="neutral700">
        {label}
      </Typography>
    </Box>
  </Link>
);

/**
 * The home page's coverage widget: the province's two targets (agencies with a leader in charge and
 * a focal point; policies communicated at every stage reached) with their progress toward 100 %,
 * and the two things to act on now; each figure opens the Coverage page at its section.
 */
const CoverageWidget = () => {
  const { formatMessage } = useIntl();
  const { data, error, loading } = useCoverage();
  if (loading && !data) return <Widget.Loading />;
  if (error || !data) return <Widget.Error />;
  const missing = data.agencies.missing.length;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="coverage-widget">
      <Headline
        id="agencies"
        to={`${COVERAGE_PATH}#agencies`}
        value={data.agencies.percent}
        label={formatMessage({ id: t('kpi.agencies'), defaultMessage: 'Agencies with a leader in charge and a focal point' })}
        detail={formatMessage(
          { id: t('kpi.agencies.detail'), defaultMessage: '{covered} of {total} agencies' },
          { covered: data.agencies.covered, total: data.agencies.total },
        )}
      />
      <Headline
        id="policies"
        to={`${COVERAGE_PATH}#policies`}
        value={data.policies.percent}
        label={formatMessage({ id: t('kpi.policies'), defaultMessage: 'Policies communicated at every stage' })}
        detail={formatMessage(
          { id: t('kpi.policies.detail'), defaultMessage: '{covered} of {total} policies in scope' },
          { covered: data.policies.fullyCommunicated, total: data.policies.inScope },
        )}
      />
      <Flex gap={3} alignItems="stretch">
        <Count
          id="missing"
          to={`${COVERAGE_PATH}#missing`}
          value={missing}
          label={formatMessage({ id: t('widget.missing'), defaultMessage: 'agencies missing a focal point' })}
        />
        <Count
          id="overdue"
          to={`${COVERAGE_PATH}#feedback`}
          value={data.feedback.overdue}
          label={formatMessage({ id: t('widget.overdue'), defaultMessage: 'feedback overdue' })}
        />
      </Flex>
    </Flex>
  );
};

export { CoverageWidget };
export default CoverageWidget;
