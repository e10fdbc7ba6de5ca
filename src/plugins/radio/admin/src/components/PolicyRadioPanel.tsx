import { Flex, Link, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { usePolicyScripts, type PolicyScript } from '../api';
import { POLICY_UID, RADIO_SCRIPT_UID, t } from '../pluginId';
import { AudioStatusBadge } from './AudioStatusBadge';

const byLanguage = (scripts: PolicyScript[]) => {
  const groups = new Map<string, PolicyScript[]>();
  for (const script of scripts) groups.set(script.language, [...(groups.get(script.language) ?? []), script]);
  return [...groups.entries()].sort(([a], [b]) => (a === 'vi' ? -1 : b === 'vi' ? 1 : a.localeCompare(b)));
};

/** Policy edit view: its radio scripts, grouped by language, with their state and audio. */
export const PolicyRadioPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const isPolicy = model === POLICY_UID && Boolean(documentId) && documentId !== 'create';
  const scripts = usePolicyScripts(isPolicy ? documentId : undefined);
  if (!isPolicy) return null;

  return {
    title: formatMessage({ id: t('policy.title'), defaultMessage: 'Radio scripts' }),
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="policy-radio-panel">
        {scripts.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({ id: t('policy.empty'), defaultMessage: 'No radio script yet.' })}
          </Typography>
        ) : (
          byLanguage(scripts).map(([language, items]) => (
            <Flex key={language} direction="column" alignItems="stretch" gap={1}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage({ id: t(`language.${language}`), defaultMessage: language })}
              </Typography>
              {items.map((script) => (
                <Flex key={script.documentId} direction="column" alignItems="stretch" gap={1} data-testid="policy-radio-script">
                  <Link href={`/admin/content-manager/collection-types/${RADIO_SCRIPT_UID}/${script.documentId}`} isExternal={false}>
                    {script.title}
                  </Link>
                  <Flex gap={2} wrap="wrap">
                    <Typography variant="pi" textColor="neutral600">
                      {formatMessage({ id: t(script.published ? 'policy.published' : 'policy.draft'), defaultMessage: script.published ? 'Published' : 'Draft' })}
                      {script.generated ? ` · ${formatMessage({ id: t('policy.generated'), defaultMessage: 'generated' })}` : ''}
                      {script.estimatedSeconds !== null ? ` · ${Math.floor(script.estimatedSeconds / 60)}:${String(script.estimatedSeconds % 60).padStart(2, '0')}` : ''}
                    </Typography>
                    <AudioStatusBadge status={script.audioStatus} />
                  </Flex>
                  {script.audio ? (
                    // eslint-disable-next-line jsx-a11y/media-has-caption -- the script text is the transcript
                    <audio controls preload="none" src={script.audio.url} style={{ width: '100%' }} />
                  ) : null}
                </Flex>
              ))}
            </Flex>
          ))
        )}
      </Flex>
    ),
  };
};
