import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Loader,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Textarea,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Disposition, DispositionItem, DispositionItems, DispositionSummary } from '../../../contracts';
import { CONSULTATION_DRAFT_UID, DISPOSITIONS, DISPOSITIONS_NEEDING_EXPLANATION, t } from '../pluginId';

type PanelProps = { model: string; documentId?: string };
type FailedRequest = { response?: { data?: { error?: { message?: string } } } };

/** The server's message of a failed admin request (a 400 says which field and why), if it sent one. */
const serverMessage = (error: unknown): string | null => (error as FailedRequest | null)?.response?.data?.error?.message ?? null;

const BULK_PAGE_SIZE = 100;
const base = (documentId: string) => `/public-participation/consultation-drafts/${documentId}`;

/** Hands a blob fetched with the admin token to the browser as a file (the way the feedback CSV export does). */
const saveBlob = (blob: Blob, fileName: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
};

const useLabels = () => {
  const { formatMessage } = useIntl();
  return {
    disposition: (key: string | null) =>
      key ? formatMessage({ id: t(`disposition.${key}`), defaultMessage: key }) : formatMessage({ id: t('disposition.none'), defaultMessage: 'No disposition yet' }),
    category: (key: string) => formatMessage({ id: t(`category.${key}`), defaultMessage: key }),
    submitterType: (key: string) => formatMessage({ id: t(`submitterType.${key}`), defaultMessage: key }),
  };
};

/**
 * The bulk screen: the draft's feedback (duplicates once, with their count; no personal data),
 * checkboxes, then one disposition, an explanation (required for "not accepted", said before
 * sending) and an optional provision for everything selected.
 */
const BulkDispositionModal = ({ documentId, open, onClose, onApplied }: { documentId: string; open: boolean; onClose: () => void; onApplied: () => void }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { get, put } = useFetchClient();
  const labels = useLabels();
  const [page, setPage] = React.useState(1);
  const [items, setItems] = React.useState<DispositionItems | null>(null);
  const [loadFailed, setLoadFailed] = React.useState(false);
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [disposition, setDisposition] = React.useState<Disposition | null>(null);
  const [explanation, setExplanation] = React.useState('');
  const [provision, setProvision] = React.useState('');
  const [touched, setTouched] = React.useState(false);
  const [serverError, setServerError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [reload, setReload] = React.useState(0);

  React.useEffect(() => {
    if (!open) return;
    let alive = true;
    setLoadFailed(false);
    get<DispositionItems>(`${base(documentId)}/feedbacks`, { params: { page, pageSize: BULK_PAGE_SIZE } })
      .then(({ data }) => alive && setItems(data))
      .catch(() => alive && setLoadFailed(true));
    return () => {
      alive = false;
    };
  }, [documentId, get, open, page, reload]);

  React.useEffect(() => {
    if (open) return;
    setSelected(new Set());
    setDisposition(null);
    setExplanation('');
    setProvision('');
    setTouched(false);
    setServerError(null);
    setPage(1);
  }, [open]);

  const needsExplanation = disposition !== null && DISPOSITIONS_NEEDING_EXPLANATION.includes(disposition);
  const explanationMissing = needsExplanation && explanation.trim().length === 0;
  const shown = items?.data ?? [];
  const feedbackSelected = shown.filter((item) => selected.has(item.documentId)).reduce((sum, item) => sum + item.size, 0);

  const toggle = (item: DispositionItem, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(item.documentId);
      else next.delete(item.documentId);
      return next;
    });
  const allShownSelected = shown.length > 0 && shown.every((item) => selected.has(item.documentId));
  const toggleAll = (checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const item of shown) {
        if (checked) next.add(item.documentId);
        else next.delete(item.documentId);
      }
      return next;
    });

  const apply = async () => {
    setTouched(true);
    setServerError(null);
    if (!disposition || selected.size === 0 || explanationMissing) return;
    setBusy(true);
    try {
      const { data } = await put<{ data: { updated: number } }>(`${base(documentId)}/dispositions`, {
        feedbackDocumentIds: [...selected],
        disposition,
        explanation: explanation.trim() ? explanation : undefined,
        provision: provision.trim() ? provision : undefined,
      });
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: t('dispositions.applied'), defaultMessage: 'Disposition recorded for {count} feedback items.' }, { count: data.data.updated }),
      });
      setSelected(new Set());
      setTouched(false);
      setReload((value) => value + 1);
      onApplied();
    } catch (error) {
      setServerError(serverMessage(error) ?? formatMessage({ id: t('error.save'), defaultMessage: 'The change could not be saved.' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content data-testid="dispositions-bulk">
        <Modal.Header>
          <Modal.Title>{formatMessage({ id: t('dispositions.bulk.title'), defaultMessage: 'Dispositions in bulk' })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {loadFailed ? <Typography textColor="danger600">{formatMessage({ id: t('error.load'), defaultMessage: 'Could not load the data.' })}</Typography> : null}
            {!items && !loadFailed ? <Loader small /> : null}
            {items && items.data.length === 0 ? (
              <Typography>{formatMessage({ id: t('dispositions.bulk.empty'), defaultMessage: 'No feedback on this draft.' })}</Typography>
            ) : null}
            {items && items.data.length > 0 ? (
              <Table colCount={6} rowCount={items.data.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Checkbox
                        aria-label={formatMessage({ id: t('dispositions.bulk.selectAll'), defaultMessage: 'Select all on this page' })}
                        checked={allShownSelected}
                        onCheckedChange={(checked: boolean | 'indeterminate') => toggleAll(checked === true)}
                      />
                    </Th>
                    <Th>
                      <Typography variant="sigma">{formatMessage({ id: t('column.content'), defaultMessage: 'Content' })}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{formatMessage({ id: t('column.category'), defaultMessage: 'Category' })}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{formatMessage({ id: t('column.submitterType'), defaultMessage: 'Submitted by' })}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{formatMessage({ id: t('column.count'), defaultMessage: 'Count' })}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{formatMessage({ id: t('column.disposition'), defaultMessage: 'Disposition' })}</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {items.data.map((item) => (
                    <Tr key={item.documentId} data-testid="dispositions-item" data-document-id={item.documentId} data-size={item.size}>
                      <Td>
                        <Checkbox
                          aria-label={item.excerpt}
                          data-document-id={item.documentId}
                          checked={selected.has(item.documentId)}
                          disabled={busy}
                          onCheckedChange={(checked: boolean | 'indeterminate') => toggle(item, checked === true)}
                        />
                      </Td>
                      <Td style={{ whiteSpace: 'normal', maxWidth: '28rem' }}>
                        <Typography variant="omega">{item.excerpt}</Typography>
                      </Td>
                      <Td>
                        <Typography variant="omega">{labels.category(item.category)}</Typography>
                      </Td>
                      <Td>
                        <Typography variant="omega">{labels.submitterType(item.submitterType)}</Typography>
                      </Td>
                      <Td>
                        {item.size > 1 ? (
                          <Badge>{formatMessage({ id: t('dispositions.bulk.duplicates'), defaultMessage: '{count} identical' }, { count: item.size })}</Badge>
                        ) : (
                          <Typography variant="omega">1</Typography>
                        )}
                      </Td>
                      <Td>
                        <Typography variant="omega" data-testid="dispositions-item-disposition" data-disposition={item.disposition ?? ''}>
                          {item.disposition === 'mixed'
                            ? formatMessage({ id: t('disposition.mixed'), defaultMessage: 'Mixed' })
                            : labels.disposition(item.disposition)}
                        </Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            ) : null}
            {items && items.meta.pagination.pageCount > 1 ? (
              <Flex gap={2} justifyContent="flex-end">
                <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {formatMessage({ id: t('pagination.previous'), defaultMessage: 'Previous' })}
                </Button>
                <Typography variant="pi">
                  {page} / {items.meta.pagination.pageCount}
                </Typography>
                <Button variant="tertiary" disabled={page >= items.meta.pagination.pageCount} onClick={() => setPage(page + 1)}>
                  {formatMessage({ id: t('pagination.next'), defaultMessage: 'Next' })}
                </Button>
              </Flex>
            ) : null}

            <Typography variant="omega" data-testid="dispositions-selected" data-count={selected.size}>
              {formatMessage(
                { id: t('dispositions.bulk.selected'), defaultMessage: 'Selected: {lines} lines ({count} feedback items on this page, duplicates included)' },
                { lines: selected.size, count: feedbackSelected },
              )}
            </Typography>
            {touched && selected.size === 0 ? (
              <Typography variant="pi" textColor="danger600">
                {formatMessage({ id: t('dispositions.bulk.noneSelected'), defaultMessage: 'Select at least one feedback item.' })}
              </Typography>
            ) : null}

            <Field.Root
              name="disposition"
              required
              error={touched && !disposition ? formatMessage({ id: t('dispositions.bulk.chooseDisposition'), defaultMessage: 'Choose a disposition.' }) : undefined}
            >
              <Field.Label>{formatMessage({ id: t('column.disposition'), defaultMessage: 'Disposition' })}</Field.Label>
              <SingleSelect
                data-testid="dispositions-choice"
                aria-label={formatMessage({ id: t('column.disposition'), defaultMessage: 'Disposition' })}
                placeholder={formatMessage({ id: t('dispositions.bulk.chooseDisposition'), defaultMessage: 'Choose a disposition.' })}
                value={disposition ?? undefined}
                onChange={(value: string | number) => setDisposition(String(value) as Disposition)}
              >
                {DISPOSITIONS.map((key) => (
                  <SingleSelectOption key={key} value={key}>
                    {labels.disposition(key)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>

            <Field.Root
              name="explanation"
              required={needsExplanation}
              hint={formatMessage({ id: t('dispositions.bulk.explanationHint'), defaultMessage: 'Required when the feedback is not accepted.' })}
              error={
                touched && explanationMissing
                  ? formatMessage({ id: t('dispositions.bulk.explanationRequired'), defaultMessage: 'An explanation is required for "Not accepted".' })
                  : undefined
              }
            >
              <Field.Label>{formatMessage({ id: t('column.explanation'), defaultMessage: 'Explanation' })}</Field.Label>
              <Textarea
                data-testid="dispositions-explanation"
                value={explanation}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setExplanation(event.target.value)}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>

            <Field.Root name="provision">
              <Field.Label>{formatMessage({ id: t('column.provision'), defaultMessage: 'Provision (optional)' })}</Field.Label>
              <TextInput
                data-testid="dispositions-provision"
                placeholder="Điều 5, khoản 2"
                value={provision}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setProvision(event.target.value)}
              />
            </Field.Root>

            {serverError ? (
              <Box padding={3} background="danger100" hasRadius>
                <Typography textColor="danger700" data-testid="dispositions-server-error">
                  {serverError}
                </Typography>
              </Box>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{formatMessage({ id: t('dialog.close'), defaultMessage: 'Close' })}</Button>
          </Modal.Close>
          <Button loading={busy} onClick={() => void apply()} data-testid="dispositions-apply">
            {formatMessage({ id: t('dispositions.bulk.apply'), defaultMessage: 'Apply to the selection' })}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

const Dispositions = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { get } = useFetchClient();
  const labels = useLabels();
  const [summary, setSummary] = React.useState<DispositionSummary | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [version, setVersion] = React.useState(0);
  const [bulkOpen, setBulkOpen] = React.useState(false);

  React.useEffect(() => {
    let alive = true;
    get<{ data: DispositionSummary }>(`${base(documentId)}/dispositions`)
      .then(({ data }) => alive && setSummary(data.data))
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
    };
  }, [documentId, get, version]);

  // The report routes need the admin token, so the file is fetched and handed to the browser.
  const download = async (extension: 'docx' | 'csv') => {
    try {
      const { data } = await get<Blob>(`${base(documentId)}/report.${extension}`, { responseType: 'blob' });
      saveBlob(data, `bao-cao-tiep-thu-giai-trinh-${documentId}.${extension}`);
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: serverMessage(error) ?? formatMessage({ id: t('error.download'), defaultMessage: 'The report could not be downloaded.' }),
      });
    }
  };

  if (failed) return <Typography textColor="danger600">{formatMessage({ id: t('error.load'), defaultMessage: 'Could not load the data.' })}</Typography>;
  if (!summary) return null;
  const outstanding = summary.consultationStatus === 'closed' && summary.withoutDisposition > 0;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="dispositions-panel">
      <Flex justifyContent="space-between">
        <Typography variant="omega">{formatMessage({ id: t('dispositions.total'), defaultMessage: 'Feedback (spam left out)' })}</Typography>
        <Typography variant="omega" fontWeight="bold" data-testid="dispositions-total" data-count={summary.total}>
          {summary.total}
        </Typography>
      </Flex>
      <Box
        padding={outstanding ? 2 : 0}
        background={outstanding ? 'danger100' : undefined}
        hasRadius
        data-testid="dispositions-without"
        data-count={summary.withoutDisposition}
        data-highlighted={outstanding ? 'true' : 'false'}
      >
        {outstanding ? (
          <Typography variant="omega" fontWeight="bold" textColor="danger700">
            {formatMessage(
              { id: t('dispositions.outstanding'), defaultMessage: '{count} feedback items without a disposition' },
              { count: summary.withoutDisposition },
            )}
          </Typography>
        ) : (
          <Flex justifyContent="space-between">
            <Typography variant="omega">{formatMessage({ id: t('dispositions.without'), defaultMessage: 'Without a disposition' })}</Typography>
            <Typography variant="omega" fontWeight="bold">
              {summary.withoutDisposition}
            </Typography>
          </Flex>
        )}
      </Box>
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          {formatMessage({ id: t('dispositions.byDisposition'), defaultMessage: 'By disposition' })}
        </Typography>
        {DISPOSITIONS.map((key) => (
          <Flex key={key} justifyContent="space-between" data-testid="dispositions-count" data-disposition={key} data-count={summary.byDisposition[key]}>
            <Typography variant="omega">{labels.disposition(key)}</Typography>
            <Typography variant="omega" fontWeight="bold">
              {summary.byDisposition[key]}
            </Typography>
          </Flex>
        ))}
      </Box>
      {summary.groups.length > 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: t('dispositions.groups'), defaultMessage: '{groups} groups of identical feedback ({count} items): one disposition per group.' },
            { groups: summary.groups.length, count: summary.groups.reduce((sum, group) => sum + group.size, 0) },
          )}
        </Typography>
      ) : null}
      <Button fullWidth onClick={() => setBulkOpen(true)} disabled={summary.total === 0} data-testid="dispositions-open-bulk">
        {formatMessage({ id: t('dispositions.openBulk'), defaultMessage: 'Set dispositions in bulk' })}
      </Button>
      <Button variant="secondary" startIcon={<Download />} fullWidth onClick={() => void download('docx')} data-testid="dispositions-report-docx">
        {formatMessage({ id: t('dispositions.report.docx'), defaultMessage: 'Download report (.docx)' })}
      </Button>
      <Button variant="secondary" startIcon={<Download />} fullWidth onClick={() => void download('csv')} data-testid="dispositions-report-csv">
        {formatMessage({ id: t('dispositions.report.csv'), defaultMessage: 'Download report (.csv)' })}
      </Button>
      <BulkDispositionModal documentId={documentId} open={bulkOpen} onClose={() => setBulkOpen(false)} onApplied={() => setVersion((value) => value + 1)} />
    </Flex>
  );
};

/**
 * Edit-view side panel of a consultation draft: where the report on how feedback was taken in
 * stands (how many still lack a disposition, highlighted once the consultation is closed; counts
 * per disposition), the bulk disposition screen, and the report downloads.
 */
export const DispositionsPanel = ({ model, documentId }: PanelProps) => {
  const { formatMessage } = useIntl();
  if (model !== CONSULTATION_DRAFT_UID || !documentId || documentId === 'create') return null;
  return {
    title: formatMessage({ id: t('dispositions.title'), defaultMessage: 'Dispositions' }),
    content: <Dispositions documentId={documentId} />,
  };
};
