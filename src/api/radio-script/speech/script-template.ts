import { blocksToText } from './markup';
import { normaliseForSpeech } from './normalise';

export type ScriptSource = {
  title: string;
  documentNumber?: string | null;
  summary: string;
  body?: unknown;
  stage?: string | null;
  issuer?: string | null;
  issuedAt?: string | null;
  effectiveFrom?: string | null;
  audiences?: string[];
  leadAgency?: string | null;
  focalPoint?: { fullName: string; position?: string | null } | null;
};

const ISSUER_NAMES: Record<string, string> = {
  'provincial-party-committee': 'Tỉnh ủy',
  'provincial-people-council': 'Hội đồng nhân dân tỉnh',
  'provincial-people-committee': 'Ủy ban nhân dân tỉnh',
  'central-government': 'Chính phủ',
};

const STAGE_SENTENCES: Record<string, string> = {
  proposal: 'Đây là đề xuất chính sách đang được xây dựng, rất mong nhận được ý kiến của bà con.',
  drafting: 'Dự thảo chính sách đang được lấy ý kiến nhân dân, rất mong bà con tham gia góp ý.',
  adopted: 'Chính sách đã được thông qua và sắp được ban hành.',
  promulgated: 'Chính sách đã được ban hành.',
  implementing: 'Chính sách đang được triển khai thực hiện.',
  repealed: 'Xin lưu ý: chính sách này đã được bãi bỏ.',
};

/** How many body paragraphs a bulletin carries: loudspeaker bulletins stay short. */
const MAX_BODY_PARAGRAPHS = 4;

const sentence = (text: string) => {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/**
 * Builds the Vietnamese radio script of a policy, ready to read aloud: greeting, what the policy is
 * and who issued it, who it affects, what changes and from when, where to ask and send feedback,
 * the key message repeated, closing. The result is normalised for speech (numbers, dates, symbols
 * and abbreviations spelled out). The focal point is named by name and position only: their phone
 * and e-mail are private and never broadcast.
 */
export const buildRadioScript = (source: ScriptSource): string => {
  const issuer = source.issuer ? ISSUER_NAMES[source.issuer] : undefined;
  const paragraphs: string[] = [];
  paragraphs.push('Kính thưa toàn thể nhân dân!');
  paragraphs.push(sentence(`Đài truyền thanh xin thông tin tới bà con về ${source.title}`));

  const identity = [
    source.documentNumber ? `Văn bản số ${source.documentNumber}` : undefined,
    issuer ? `do ${issuer} ban hành` : undefined,
    source.issuedAt ? `ngày ${source.issuedAt.split('-').reverse().join('/')}` : undefined,
  ].filter(Boolean);
  if (identity.length > 0) paragraphs.push(sentence(identity.join(' ')));
  if (source.stage && STAGE_SENTENCES[source.stage]) paragraphs.push(STAGE_SENTENCES[source.stage]);

  if (source.audiences && source.audiences.length > 0) {
    paragraphs.push(sentence(`Chính sách dành cho ${source.audiences.map((name) => name.toLowerCase()).join(', ')}`));
  }

  paragraphs.push(sentence(`Nội dung chính: ${source.summary}`));
  const body = blocksToText(source.body).split('\n\n').filter(Boolean).slice(0, MAX_BODY_PARAGRAPHS);
  paragraphs.push(...body);
  if (source.effectiveFrom) {
    paragraphs.push(sentence(`Chính sách có hiệu lực từ ngày ${source.effectiveFrom.split('-').reverse().join('/')}`));
  }

  const contact = source.leadAgency
    ? source.focalPoint
      ? `Bà con có thắc mắc xin liên hệ ${source.leadAgency}, người phụ trách là ${[source.focalPoint.position, source.focalPoint.fullName].filter(Boolean).join(' ')}`
      : `Bà con có thắc mắc xin liên hệ ${source.leadAgency}`
    : 'Bà con có thắc mắc xin liên hệ Ủy ban nhân dân xã';
  paragraphs.push(sentence(contact));
  paragraphs.push(
    'Mọi ý kiến góp ý xin gửi qua Cổng thông tin điện tử tỉnh, tài khoản Zalo của tỉnh, hoặc trực tiếp tại Ủy ban nhân dân xã nơi bà con sinh sống.',
  );
  paragraphs.push(sentence(`Xin nhắc lại: ${source.summary}`));
  paragraphs.push('Đài truyền thanh xin cảm ơn bà con đã lắng nghe!');
  return normaliseForSpeech(paragraphs.filter(Boolean).join('\n\n'));
};
