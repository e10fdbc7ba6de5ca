import * as React from 'react';
import { Box, Field, Flex, Toggle } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PREFERENCE_SWITCHES, type PreferenceSwitch, type Preferences } from '../../../contracts';
import { t } from '../pluginId';

type ApiError = { response?: { data?: { error?: { message?: string } } }; message?: string };

const DEFAULT_LABELS: Record<PreferenceSwitch, { label: string; hint: string }> = {
  reviewRequests: { label: 'Documents waiting for my review', hint: 'An e-mail when a document is submitted to you for review.' },
  reviewOutcomes: { label: 'Review outcomes of my documents', hint: 'An e-mail when your document is approved or needs changes.' },
  overdueDigest: { label: 'Daily digest of overdue feedback', hint: 'An e-mail each working-day morning listing overdue feedback.' },
};

/**
 * "Thông báo của tôi / My notifications" (Settings → Global): the logged-in admin user's own
 * e-mail switches, saved as soon as one is flipped (`PUT /notifications/preferences` with that
 * switch only), the page showing what the server answered.
 */
const MyNotificationsPage = () => {
  const { formatMessage } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [preferences, setPreferences] = React.useState<Preferences | null>(null);
  const [saving, setSaving] = React.useState<PreferenceSwitch | null>(null);
  const [failed, setFailed] = React.useState<string | null>(null);

  const message = (key: string, defaultMessage: string, values?: Record<string, string>) => formatMessage({ id: t(key), defaultMessage }, values);
  const errorText = (error: ApiError) => error.response?.data?.error?.message ?? error.message ?? 'error';

  React.useEffect(() => {
    let live = true;
    get<{ data: Preferences }>('/notifications/preferences')
      .then((response) => live && setPreferences(response.data.data))
      .catch((error: ApiError) => live && setFailed(errorText(error)));
    return () => {
      live = false;
    };
  }, [get]);

  const change = async (key: PreferenceSwitch, value: boolean) => {
    setSaving(key);
    try {
      const response = await put<{ data: Preferences }>('/notifications/preferences', { data: { [key]: value } });
      setPreferences(response.data.data);
      toggleNotification({ type: 'success', message: message('saved', 'Saved.') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: message('error', 'Could not save: {message}', { message: errorText(error as ApiError) }) });
    } finally {
      setSaving(null);
    }
  };

  if (failed) return <Page.Error />;
  if (!preferences) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{message('page.title', 'My notifications')}</Page.Title>
      <Layouts.Header title={message('page.title', 'My notifications')} subtitle={message('page.subtitle', 'Choose the e-mails you want to receive.')} />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
          <Flex direction="column" alignItems="stretch" gap={6}>
            {PREFERENCE_SWITCHES.map((key) => (
              <Field.Root key={key} name={key} id={`preference-${key}`} hint={message(`${key}.hint`, DEFAULT_LABELS[key].hint)}>
                <Field.Label>{message(`${key}.label`, DEFAULT_LABELS[key].label)}</Field.Label>
                <Toggle
                  checked={preferences[key]}
                  disabled={saving !== null}
                  onLabel={message('switch.on', 'On')}
                  offLabel={message('switch.off', 'Off')}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => void change(key, event.target.checked)}
                />
                <Field.Hint />
              </Field.Root>
            ))}
          </Flex>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default MyNotificationsPage;
