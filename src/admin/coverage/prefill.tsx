import { Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router-dom';
import { t } from './format';
import { AGENCY_UID, FOCAL_POINT_UID, PREFILL_AGENCY, PREFILL_ROLE } from './links';
import { ROLES, type Role } from './types';

type Agency = { id: number; documentId: string; locale?: string | null; name?: string | null; code?: string | null };
type OnChange = (path: string, value: unknown) => void;

/**
 * The content manager has no way to open a create view with values filled in, so the Coverage
 * page's "Add the focal point" button passes the agency and the role in the query string and this
 * side panel of the focal point's create view writes them into the form once, the way the relation
 * field itself connects a picked agency (an `agency.connect` entry with `apiData`). The editor
 * still types the person and saves; nothing is written before that.
 */
export const FocalPointPrefill: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const { search } = useLocation();
  const { get } = useFetchClient();
  const onChange = useForm('FocalPointPrefill', (state) => state.onChange as OnChange, false);
  const creating = model === FOCAL_POINT_UID && (!documentId || documentId === 'create');
  const params = new URLSearchParams(search);
  const agencyId = creating ? params.get(PREFILL_AGENCY) : null;
  const roleParam = params.get(PREFILL_ROLE);
  const role = ROLES.includes(roleParam as Role) ? (roleParam as Role) : null;
  const [agency, setAgency] = React.useState<Agency | null>(null);
  const applied = React.useRef(false);

  React.useEffect(() => {
    if (!agencyId) return;
    let live = true;
    get<{ data: Agency }>(`/content-manager/collection-types/${AGENCY_UID}/${encodeURIComponent(agencyId)}`, { params: { locale: 'vi' } })
      .then(({ data }) => live && setAgency(data.data))
      .catch(() => live && setAgency(null));
    return () => {
      live = false;
    };
  }, [agencyId, get]);

  React.useEffect(() => {
    if (!agency || !onChange || applied.current) return;
    applied.current = true;
    const label = agency.name ?? agency.code ?? agency.documentId;
    onChange('agency.connect', [
      {
        id: agency.id,
        apiData: { id: agency.id, documentId: agency.documentId, locale: agency.locale ?? undefined, isTemporary: true },
        __temp_key__: 'a0',
        name: agency.name,
        code: agency.code,
        label,
        href: `../collection-types/${AGENCY_UID}/${agency.documentId}?plugins[i18n][locale]=${agency.locale ?? 'vi'}`,
      },
    ]);
    if (role) onChange('role', role);
  }, [agency, onChange, role]);

  if (!agencyId || !agency) return null;
  return {
    title: formatMessage({ id: t('prefill.title'), defaultMessage: 'Coverage' }),
    content: (
      <Typography variant="pi" textColor="neutral600" data-testid="coverage-prefill" data-agency={agency.documentId} data-role={role ?? ''}>
        {formatMessage({ id: t('prefill.done'), defaultMessage: 'Agency and role filled in from the Coverage page.' })}
      </Typography>
    ),
  };
};
