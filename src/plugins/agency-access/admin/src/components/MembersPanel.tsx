import * as React from 'react';
import { Box, Button, Checkbox, Flex, Loader, TextInput, Typography } from '@strapi/design-system';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { describeError, useMembersApi, type AdminUserView, type Members } from '../api';
import { AGENCY_UID, MANAGE_PERMISSIONS, t } from '../pluginId';

/** Above this many admin users the list gets a filter box. */
const FILTER_FROM = 8;

type LoadState = { kind: 'loading' } | { kind: 'error'; message: string | null } | { kind: 'ready'; members: Members };

/** "Nguyễn Lan" (family name first, as the approval panel writes people), or the e-mail when unnamed. */
export const displayName = (user: AdminUserView) => [user.lastname, user.firstname].filter(Boolean).join(' ') || user.email;

const sameIds = (a: ReadonlySet<number>, b: readonly number[]) => a.size === b.length && b.every((id) => a.has(id));

const UserLine = ({ user }: { user: AdminUserView }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex tag="span" direction="column" alignItems="flex-start" minWidth={0}>
      <Typography variant="omega" fontWeight="semiBold">
        {displayName(user)}
        {user.isActive ? '' : ` (${formatMessage({ id: t('members.inactive'), defaultMessage: 'inactive' })})`}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {user.email}
      </Typography>
    </Flex>
  );
};

const MembersEditor = ({ agencyDocumentId }: { agencyDocumentId: string }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useMembersApi();
  const [state, setState] = React.useState<LoadState>({ kind: 'loading' });
  const [selected, setSelected] = React.useState<Set<number>>(new Set());
  const [filter, setFilter] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  const show = React.useCallback((members: Members) => {
    setState({ kind: 'ready', members });
    setSelected(new Set(members.members.map((member) => member.id)));
  }, []);

  React.useEffect(() => {
    let alive = true;
    setState({ kind: 'loading' });
    api.find(agencyDocumentId).then(
      (members) => alive && show(members),
      (error: unknown) => alive && setState({ kind: 'error', message: describeError(error).message }),
    );
    return () => {
      alive = false;
    };
  }, [api, agencyDocumentId, show]);

  if (state.kind === 'loading') {
    return <Loader small>{formatMessage({ id: t('members.loading'), defaultMessage: 'Loading members…' })}</Loader>;
  }
  if (state.kind === 'error') {
    return (
      <Typography variant="pi" textColor="danger600" data-testid="agency-members-error">
        {formatMessage({ id: t('members.error'), defaultMessage: 'The members could not be loaded.' })}
        {state.message ? ` ${state.message}` : ''}
      </Typography>
    );
  }

  const { members, users } = state.members;
  const unchanged = sameIds(selected, members.map((member) => member.id));
  const needle = filter.trim().toLocaleLowerCase('vi');
  const shown = needle ? users.filter((user) => `${displayName(user)} ${user.email}`.toLocaleLowerCase('vi').includes(needle)) : users;

  const toggle = (id: number, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  const save = async () => {
    setBusy(true);
    try {
      // In the order of the full list, so the request does not depend on the clicking order.
      const userIds = users.map((user) => user.id).filter((id) => selected.has(id));
      show(await api.update(agencyDocumentId, userIds));
      toggleNotification({ type: 'success', message: formatMessage({ id: t('members.saved'), defaultMessage: 'Members saved.' }) });
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message:
          describeError(error).message ??
          formatMessage({ id: t('members.save-failed'), defaultMessage: 'The members could not be saved.' }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="agency-members-panel">
      <Box>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {formatMessage({ id: t('members.current'), defaultMessage: 'Current members ({count})' }, { count: members.length })}
        </Typography>
        {members.length === 0 ? (
          <Box paddingTop={1}>
            <Typography variant="pi" textColor="neutral600" data-testid="agency-members-empty">
              {formatMessage({ id: t('members.empty'), defaultMessage: 'No member yet: only super admins and coordinators see this agency’s work.' })}
            </Typography>
          </Box>
        ) : (
          <Flex tag="ul" direction="column" alignItems="stretch" gap={1} paddingTop={1} data-testid="agency-members">
            {members.map((member) => (
              <Box tag="li" key={member.id} data-testid="agency-member" data-email={member.email}>
                <UserLine user={member} />
              </Box>
            ))}
          </Flex>
        )}
      </Box>

      <Box>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {formatMessage({ id: t('members.choose'), defaultMessage: 'Choose the members' })}
        </Typography>
        {users.length > FILTER_FROM ? (
          <Box paddingTop={1}>
            <TextInput
              name="agency-members-filter"
              aria-label={formatMessage({ id: t('members.filter'), defaultMessage: 'Filter by name or e-mail' })}
              placeholder={formatMessage({ id: t('members.filter'), defaultMessage: 'Filter by name or e-mail' })}
              value={filter}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setFilter(event.target.value)}
            />
          </Box>
        ) : null}
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={2} maxHeight="20rem" overflow="auto" data-testid="agency-members-choices">
          {shown.map((user) => (
            <Box tag="li" key={user.id}>
              <Checkbox
                checked={selected.has(user.id)}
                disabled={busy}
                onCheckedChange={(checked) => toggle(user.id, checked === true)}
                aria-label={`${displayName(user)} <${user.email}>`}
                data-email={user.email}
              >
                <UserLine user={user} />
              </Checkbox>
            </Box>
          ))}
        </Flex>
      </Box>

      <Button fullWidth loading={busy} disabled={busy || unchanged} onClick={() => void save()} data-testid="agency-members-save">
        {formatMessage({ id: t('members.save'), defaultMessage: 'Save members' })}
      </Button>
    </Flex>
  );
};

/**
 * Edit-view side panel of an agency: its members (admin users whose work the "in my agency"
 * condition scopes to it), and a list of every admin user to add or remove them. Shown only to
 * users who may manage membership (super admins), and only on a saved agency.
 */
export const MembersPanel: PanelComponent = ({ model, documentId }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const { allowedActions, isLoading } = useRBAC(MANAGE_PERMISSIONS);
  if (model !== AGENCY_UID || !documentId || documentId === 'create' || isLoading || !allowedActions.canManage) return null;
  return {
    title: formatMessage({ id: t('members.title'), defaultMessage: 'Members' }),
    content: <MembersEditor key={documentId} agencyDocumentId={documentId} />,
  };
};
