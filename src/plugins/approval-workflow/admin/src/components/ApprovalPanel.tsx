import * as React from 'react';
import { Box, Button, Dialog, Field, Flex, Loader, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import {
  describeError,
  useApprovalApi,
  useCoveredContentTypes,
  type DocumentStatus,
  type HistoryEntry,
  type Person,
  type StepView,
  type UserAction,
} from '../api';
import { getTranslation } from '../utils/getTranslation';
import { StageBadge } from './StageBadge';

/** Actions whose record must say why: they open a dialog with a required text. */
const NEEDS_COMMENT: readonly UserAction[] = ['request-changes', 'force-approve'];

const BUTTON_VARIANT: Record<UserAction, 'default' | 'secondary' | 'tertiary' | 'danger-light' | 'success'> = {
  submit: 'default',
  approve: 'success',
  'request-changes': 'danger-light',
  withdraw: 'tertiary',
  'force-approve': 'secondary',
};

const fullName = (person: Person | null) =>
  person ? [person.lastname, person.firstname].filter(Boolean).join(' ') || `#${person.id}` : null;

type LoadState = { kind: 'loading' } | { kind: 'forbidden' } | { kind: 'error' } | { kind: 'ready'; status: DocumentStatus };

const HistoryList = ({ history }: { history: HistoryEntry[] }) => {
  const { formatMessage, formatDate } = useIntl();
  if (history.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: getTranslation('panel.history.empty'), defaultMessage: 'Nothing recorded yet.' })}
      </Typography>
    );
  }
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={2} data-testid="approval-history">
      {[...history].reverse().map((entry, index) => {
        const who =
          fullName(entry.actor) ??
          formatMessage({
            id: getTranslation(entry.actorKind === 'api' ? 'panel.api' : 'panel.system'),
            defaultMessage: entry.actorKind === 'api' ? 'API client' : 'System',
          });
        const step = entry.step ? formatMessage({ id: getTranslation(`step.${entry.step}`), defaultMessage: entry.step }) : null;
        return (
          <Box tag="li" key={`${entry.at}-${index}`} paddingLeft={2} borderColor="neutral200" borderStyle="solid" borderWidth="0 0 0 2px">
            <Typography variant="pi" fontWeight="bold" tag="p">
              {step
                ? formatMessage({ id: getTranslation('history.approve.step'), defaultMessage: '{who} approved (step: {step})' }, { who, step })
                : formatMessage({ id: getTranslation(`history.${entry.action}`), defaultMessage: `{who} ${entry.action}` }, { who })}
              {entry.forced ? ` (${formatMessage({ id: getTranslation('panel.forced'), defaultMessage: 'forced' })})` : ''}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {formatDate(entry.at, { dateStyle: 'short', timeStyle: 'short' })}
            </Typography>
            {/* A void's comment is the server's English record of the same fact: the title says it. */}
            {entry.comment && entry.action !== 'void' ? (
              <Typography variant="pi" tag="p" textColor="neutral800">
                “{entry.comment}”
              </Typography>
            ) : null}
          </Box>
        );
      })}
    </Flex>
  );
};

/** The configured steps in order: who took each one and when, and which role may take the next. */
const StepList = ({ steps, nextStep }: { steps: StepView[]; nextStep: StepView | null }) => {
  const { formatMessage, formatDate } = useIntl();
  const stepName = (step: StepView) => formatMessage({ id: getTranslation(`step.${step.key}`), defaultMessage: step.key });
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Flex tag="ol" direction="column" alignItems="stretch" gap={1} data-testid="approval-steps">
        {steps.map((step) => (
          <Typography tag="li" variant="pi" key={step.index} data-testid={`approval-step-${step.index}`} data-step={step.key} data-done={step.approval ? 'true' : 'false'}>
            {step.approval ? '✓ ' : '○ '}
            {formatMessage({ id: getTranslation('panel.step'), defaultMessage: '{index}. {step}' }, { index: step.index + 1, step: stepName(step) })}
            {' — '}
            {step.approval
              ? formatMessage(
                  { id: getTranslation('panel.step.done'), defaultMessage: '{who}, {at}' },
                  { who: fullName(step.approval.actor) ?? '—', at: formatDate(step.approval.at, { dateStyle: 'short', timeStyle: 'short' }) },
                )
              : formatMessage({ id: getTranslation('panel.step.waiting'), defaultMessage: 'waiting' })}
            {step.approval?.forced ? ` (${formatMessage({ id: getTranslation('panel.forced'), defaultMessage: 'forced' })})` : ''}
          </Typography>
        ))}
      </Flex>
      {nextStep ? (
        <Typography variant="pi" textColor="neutral800" data-testid="approval-next-step" data-step={nextStep.key}>
          {formatMessage(
            {
              id: getTranslation('panel.step.next'),
              defaultMessage: 'Next step: {step}. Who can take it: the role {role}.',
            },
            { step: stepName(nextStep), role: nextStep.role.name },
          )}
        </Typography>
      ) : null}
    </Flex>
  );
};

const CommentDialog = ({
  action,
  busy,
  onCancel,
  onConfirm,
}: {
  action: UserAction | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
}) => {
  const { formatMessage } = useIntl();
  const [comment, setComment] = React.useState('');
  const [touched, setTouched] = React.useState(false);
  React.useEffect(() => {
    setComment('');
    setTouched(false);
  }, [action]);
  const missing = comment.trim().length === 0;
  return (
    <Dialog.Root open={action !== null} onOpenChange={(open) => !open && onCancel()}>
      <Dialog.Content>
        <Dialog.Header>
          {action ? formatMessage({ id: getTranslation(`dialog.title.${action}`), defaultMessage: action }) : ''}
        </Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={2} width="100%">
            {action === 'force-approve' ? (
              <Typography variant="pi" textColor="danger600">
                {formatMessage({ id: getTranslation('dialog.hint.force-approve'), defaultMessage: 'This skips the four-eyes review.' })}
              </Typography>
            ) : null}
            <Field.Root
              name="approval-comment"
              required
              error={touched && missing ? formatMessage({ id: getTranslation('dialog.comment.required'), defaultMessage: 'Please write a comment.' }) : undefined}
            >
              <Field.Label>
                {formatMessage({
                  id: getTranslation(action === 'force-approve' ? 'dialog.reason' : 'dialog.comment'),
                  defaultMessage: 'Comment',
                })}
              </Field.Label>
              <Textarea value={comment} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setComment(event.target.value)} />
              <Field.Error />
            </Field.Root>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary" fullWidth>
              {formatMessage({ id: getTranslation('dialog.cancel'), defaultMessage: 'Cancel' })}
            </Button>
          </Dialog.Cancel>
          <Button
            fullWidth
            loading={busy}
            variant={action === 'force-approve' ? 'danger' : 'default'}
            onClick={() => {
              setTouched(true);
              if (!missing) onConfirm(comment.trim());
            }}
          >
            {formatMessage({ id: getTranslation('dialog.confirm'), defaultMessage: 'Confirm' })}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

const ApprovalPanelContent = ({
  model,
  documentId,
  locale,
  refreshKey,
}: {
  model: string;
  documentId: string;
  locale: string | null;
  refreshKey: string;
}) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApprovalApi();
  const [state, setState] = React.useState<LoadState>({ kind: 'loading' });
  const [busy, setBusy] = React.useState(false);
  const [dialog, setDialog] = React.useState<UserAction | null>(null);

  const load = React.useCallback(async () => {
    try {
      setState({ kind: 'ready', status: await api.status(model, documentId, locale) });
    } catch (error) {
      setState({ kind: describeError(error).status === 403 ? 'forbidden' : 'error' });
    }
  }, [api, model, documentId, locale]);

  React.useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const run = async (action: UserAction, comment?: string) => {
    setBusy(true);
    try {
      const result = await api.transition(model, documentId, { action, comment, locale });
      toggleNotification({
        type: 'success',
        message: formatMessage(
          { id: getTranslation('notification.done'), defaultMessage: 'Done: the document is now "{stage}".' },
          { stage: formatMessage({ id: getTranslation(`stage.${result.stage}`), defaultMessage: result.stage }) },
        ),
      });
      setDialog(null);
    } catch (error) {
      toggleNotification({ type: 'danger', message: describeError(error).message ?? String(error) });
    } finally {
      setBusy(false);
      await load();
    }
  };

  if (state.kind === 'loading') {
    return <Loader small>{formatMessage({ id: getTranslation('panel.loading'), defaultMessage: 'Loading…' })}</Loader>;
  }
  if (state.kind !== 'ready') {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({
          id: getTranslation(state.kind === 'forbidden' ? 'panel.forbidden' : 'panel.error'),
          defaultMessage: 'The approval status could not be loaded.',
        })}
      </Typography>
    );
  }

  const { status } = state;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="approval-panel">
      <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
        <StageBadge stage={status.stage} />
        <Typography variant="pi" textColor="neutral700" data-testid="approval-count">
          {formatMessage(
            { id: getTranslation('panel.steps'), defaultMessage: 'Steps: {done} of {total}' },
            { done: status.steps.filter((step) => step.approval !== null).length, total: status.steps.length },
          )}
        </Typography>
      </Flex>
      <StepList steps={status.steps} nextStep={status.nextStep} />
      <Typography variant="pi" textColor={status.canPublish ? 'success600' : 'warning600'}>
        {status.canPublish
          ? formatMessage({ id: getTranslation('panel.can-publish'), defaultMessage: 'Approved: this exact content may be published.' })
          : formatMessage({ id: getTranslation('panel.needs-approval'), defaultMessage: 'Publishing is refused until approved.' })}
      </Typography>
      {status.allowedActions.length > 0 ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          {status.allowedActions.map((action) => (
            <Button
              key={action}
              fullWidth
              variant={BUTTON_VARIANT[action]}
              disabled={busy}
              data-testid={`approval-action-${action}`}
              onClick={() => (NEEDS_COMMENT.includes(action) ? setDialog(action) : void run(action))}
            >
              {formatMessage({ id: getTranslation(`action.${action}`), defaultMessage: action })}
            </Button>
          ))}
        </Flex>
      ) : null}
      <Box paddingTop={2}>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {formatMessage({ id: getTranslation('panel.history'), defaultMessage: 'History' })}
        </Typography>
        <Box paddingTop={2}>
          <HistoryList history={status.history} />
        </Box>
      </Box>
      <CommentDialog action={dialog} busy={busy} onCancel={() => setDialog(null)} onConfirm={(comment) => dialog && void run(dialog, comment)} />
    </Flex>
  );
};

/**
 * The edit-view side panel: stage, approvals, the buttons the current user may press, and the
 * history. Shown only for covered content types and saved documents.
 */
export const ApprovalPanel: PanelComponent = ({ model, documentId, document }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const covered = useCoveredContentTypes();
  if (!documentId || !covered?.some((entry) => entry.uid === model)) return null;
  const locale = typeof document?.locale === 'string' ? document.locale : null;
  const refreshKey = [document?.updatedAt, document?.publishedAt, document?.status].map(String).join('|');
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Approval' }),
    content: <ApprovalPanelContent model={model} documentId={documentId} locale={locale} refreshKey={refreshKey} />,
  };
};
