import { Button, Flex, Typography } from '@strapi/design-system';
import { useNotification, unstable_useContentManagerContext as useContentManagerContext } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { countSyllables, DEFAULT_SYLLABLES_PER_MINUTE, estimateSeconds } from '../../../../../common/speech-duration';
import { useScriptAudio } from '../api';
import { RADIO_SCRIPT_UID, t } from '../pluginId';
import { AudioStatusBadge } from './AudioStatusBadge';

type FormValues = { script?: string | null; syllablesPerMinute?: number | string | null };
type FormState = { values?: FormValues; initialValues?: FormValues };

/**
 * Radio script edit view: the estimated airtime recomputed as the editor types (the same formula
 * the server stores), the generated audio with a player, and a button to render it again.
 */
export const RadioScriptPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { form } = useContentManagerContext() as { form: FormState };
  const isScript = model === RADIO_SCRIPT_UID;
  const saved = Boolean(documentId) && documentId !== 'create';
  const { view, render } = useScriptAudio(isScript && saved ? documentId : undefined);

  if (!isScript) return null;

  const text = typeof form?.values?.script === 'string' ? form.values.script : '';
  const pace = Number(form?.values?.syllablesPerMinute) || DEFAULT_SYLLABLES_PER_MINUTE;
  const seconds = estimateSeconds(text, pace);
  const unsaved = (form?.initialValues?.script ?? '') !== text;

  const onRender = async () => {
    const queued = await render();
    toggleNotification({
      type: queued ? 'success' : 'danger',
      message: formatMessage({ id: t(queued ? 'script.renderQueued' : 'script.renderFailed'), defaultMessage: queued ? 'Audio rendering queued' : 'Could not render the audio' }),
    });
  };

  return {
    title: formatMessage({ id: t('script.title'), defaultMessage: 'Radio' }),
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="radio-script-panel">
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage({ id: t('script.duration'), defaultMessage: 'Estimated duration' })}
          </Typography>
          <Typography data-testid="radio-duration" data-seconds={seconds}>
            {formatMessage(
              { id: t('script.durationValue'), defaultMessage: '{minutes} min {seconds} s ({syllables} syllables, {pace} syllables/min)' },
              { minutes: Math.floor(seconds / 60), seconds: seconds % 60, syllables: countSyllables(text), pace },
            )}
          </Typography>
        </Flex>
        {saved ? (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Flex justifyContent="space-between" alignItems="center">
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage({ id: t('script.audio'), defaultMessage: 'Audio' })}
              </Typography>
              {view ? <AudioStatusBadge status={view.audioStatus} /> : null}
            </Flex>
            {view?.audio ? (
              // eslint-disable-next-line jsx-a11y/media-has-caption -- the script text above is the transcript
              <audio controls preload="none" src={view.audio.url} style={{ width: '100%' }} data-testid="radio-audio-player" />
            ) : null}
            {view?.audioMessage && view.audioStatus !== 'ready' ? (
              <Typography variant="pi" textColor={view.audioStatus === 'failed' ? 'danger600' : 'neutral600'}>
                {view.audioMessage}
              </Typography>
            ) : null}
            {unsaved ? (
              <Typography variant="pi" textColor="warning600">
                {formatMessage({ id: t('script.unsaved'), defaultMessage: 'The text changed: save before rendering the audio.' })}
              </Typography>
            ) : null}
            <Button
              variant="secondary"
              fullWidth
              disabled={unsaved || view?.audioStatus === 'pending' || view?.audioStatus === 'rendering'}
              onClick={onRender}
              data-testid="radio-render-audio"
            >
              {formatMessage({
                id: t(view?.audio ? 'script.rerender' : 'script.render'),
                defaultMessage: view?.audio ? 'Render audio again' : 'Render audio',
              })}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    ),
  };
};
