import { outcomeEmail, receiptEmail, vietnameseDate } from '../../src/api/feedback/notifications';
import { classifySmtpError, plainTextToHtml } from '../../src/plugins/notifications/server/src/services/email';

const smtpError = (message: string, fields: { code?: string; responseCode?: number }) => Object.assign(new Error(message), fields);

describe('classifying SMTP failures', () => {
  it.each([
    ['a refused connection', true, smtpError('connect ECONNREFUSED 127.0.0.1:2525', { code: 'ECONNECTION' })],
    ['a timeout', true, smtpError('Greeting never received', { code: 'ETIMEDOUT' })],
    ['a temporary refusal (421)', true, smtpError('Service not available', { code: 'EPROTOCOL', responseCode: 421 })],
    ['greylisting (451)', true, smtpError('Try again later', { code: 'EENVELOPE', responseCode: 451 })],
    ['bad credentials (535)', true, smtpError('Invalid login', { code: 'EAUTH', responseCode: 535 })],
    ['an unknown mailbox (550)', false, smtpError('Mailbox unavailable', { code: 'EENVELOPE', responseCode: 550 })],
    ['a message refused (554)', false, smtpError('Message rejected', { code: 'EMESSAGE', responseCode: 554 })],
    ['an envelope without recipients', false, smtpError('No recipients defined', { code: 'EENVELOPE' })],
    ['something unknown', true, new Error('boom')],
  ])('retries after %s: %p', (_what, retryable, error) => {
    expect(classifySmtpError(error).retryable).toBe(retryable);
  });

  it('keeps no address from the server answer', () => {
    const error = classifySmtpError(smtpError("Can't send mail - all recipients were rejected: 550 <hoa.nguyen@example.vn>: no such user", { code: 'EENVELOPE', responseCode: 550 }));
    expect(error.message).not.toContain('hoa.nguyen');
    expect(error.message).toContain('<address>');
  });
});

describe('the HTML part', () => {
  it('escapes the text and keeps one line per line', () => {
    expect(plainTextToHtml('a <b> & "c"\nd')).toContain('a &lt;b&gt; &amp; &quot;c&quot;<br>\nd');
  });
});

describe('feedback e-mails', () => {
  const feedback = {
    documentId: 'doc1',
    email: 'hoa@example.vn',
    trackingCode: 'GY-ABCD-EFGH',
    dueAt: '2026-12-22T03:00:00.000Z',
    moderationStatus: 'received' as const,
  };

  it('writes the date the Vietnamese way, in Vietnam’s time zone', () => {
    expect(vietnameseDate('2026-12-22T03:00:00.000Z')).toBe('22/12/2026');
    expect(vietnameseDate('2026-12-22T18:00:00.000Z')).toBe('23/12/2026');
  });

  it('builds the receipt with the code, the deadline and the link, or no link without a template', () => {
    const receipt = receiptEmail(feedback, 'https://portal.test/tra-cuu/{trackingCode}');
    expect(receipt).toMatchObject({ channel: 'email', topic: 'feedback.receipt', dedupeKey: 'feedback:doc1:receipt', recipient: 'hoa@example.vn' });
    expect(receipt.text).toContain('Mã tra cứu: GY-ABCD-EFGH');
    expect(receipt.text).toContain('Hạn trả lời: 22/12/2026');
    expect(receipt.text).toContain('Theo dõi góp ý: https://portal.test/tra-cuu/GY-ABCD-EFGH');
    expect(receiptEmail(feedback, '').text).not.toContain('http');
  });

  it('builds the answer and the rejection, skips a rejection as spam, and nothing for other statuses', () => {
    expect(outcomeEmail({ ...feedback, moderationStatus: 'answered', response: 'Đã tiếp thu.' }, '')?.text).toContain('Đã tiếp thu.');
    const rejected = outcomeEmail({ ...feedback, moderationStatus: 'rejected', rejectionReason: 'duplicate' }, '');
    expect(rejected?.text).toContain('Lý do: trùng với góp ý đã gửi trước đó.');
    expect(rejected?.skipReason).toBeNull();
    expect(outcomeEmail({ ...feedback, moderationStatus: 'rejected', rejectionReason: 'spam' }, '')?.skipReason).toMatch(/spam/);
    expect(outcomeEmail({ ...feedback, moderationStatus: 'assigned' }, '')).toBeNull();
    expect(outcomeEmail({ ...feedback, moderationStatus: 'closed' }, '')).toBeNull();
  });
});
