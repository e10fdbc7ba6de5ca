import { Status, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Stage } from '../api';
import { getTranslation } from '../utils/getTranslation';

const VARIANT: Record<Stage, 'neutral' | 'secondary' | 'danger' | 'success'> = {
  draft: 'neutral',
  'in-review': 'secondary',
  'changes-requested': 'danger',
  approved: 'success',
};

/** The stage as a coloured status pill, labelled in the admin's language. */
export const StageBadge = ({ stage, size = 'S' }: { stage: Stage; size?: 'XS' | 'S' | 'M' }) => {
  const { formatMessage } = useIntl();
  return (
    <Status variant={VARIANT[stage]} size={size} data-testid="approval-stage" data-stage={stage}>
      <Typography tag="span" variant="omega" fontWeight="bold">
        {formatMessage({ id: getTranslation(`stage.${stage}`), defaultMessage: stage })}
      </Typography>
    </Status>
  );
};
