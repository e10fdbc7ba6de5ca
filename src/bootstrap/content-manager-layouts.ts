import type { Core } from '@strapi/strapi';
import { AGENCY_UID, AUDIENCE_UID, CONSULTATION_DRAFT_UID, FEEDBACK_UID, FOCAL_POINT_UID, POLICY_UID, RADIO_SCRIPT_UID } from '../common/uids';

/** How a field shows in the admin edit view. Labels are bilingual: the admin's UI language does not reach field labels. */
type FieldSetting = { label?: string; description?: string; editable?: false; visible?: false };

const COMPUTED: FieldSetting = { editable: false };
const INTERNAL: FieldSetting = { visible: false, editable: false };

const SETTINGS: Record<string, Record<string, FieldSetting>> = {
  [AGENCY_UID]: {
    name: { label: 'Tên cơ quan · Name' },
    code: { label: 'Mã · Code', description: 'Ví dụ / e.g. SO-VHTTDL' },
    kind: { label: 'Loại · Kind' },
    parent: { label: 'Cơ quan cấp trên · Parent' },
    active: { label: 'Đang hoạt động · Active' },
    focalPoints: { label: 'Đầu mối · Focal points' },
  },
  [FOCAL_POINT_UID]: {
    fullName: { label: 'Họ và tên · Full name' },
    position: { label: 'Chức vụ · Position' },
    role: { label: 'Vai trò · Role', description: 'Lãnh đạo phụ trách hoặc đầu mối · leader in charge or focal point' },
    assignment: { label: 'Chuyên trách / kiêm nhiệm · Dedicated / concurrent' },
    agency: { label: 'Cơ quan · Agency' },
    email: { label: 'Thư điện tử · E-mail', description: 'Không công khai · never public' },
    phone: { label: 'Điện thoại · Phone', description: 'Không công khai · never public' },
    active: { label: 'Đang đảm nhiệm · Active' },
    appointedAt: { label: 'Ngày phân công · Appointed on' },
    appointmentDocument: { label: 'Quyết định phân công · Appointment document' },
  },
  [AUDIENCE_UID]: {
    name: { label: 'Tên nhóm đối tượng · Name' },
    slug: { label: 'Đường dẫn · Slug' },
  },
  [POLICY_UID]: {
    title: { label: 'Tên chính sách · Title' },
    slug: { label: 'Đường dẫn · Slug' },
    shortCode: { label: 'Mã ngắn · Short code', description: 'Người dân gõ mã này đầu tin nhắn Zalo để góp ý · citizens start a Zalo message with it' },
    documentNumber: { label: 'Số ký hiệu · Document number', description: 'Ví dụ / e.g. 12/2024/NQ-HĐND' },
    summary: { label: 'Tóm tắt dễ hiểu · Plain-language summary', description: 'Bắt buộc, kể cả bản nháp · required, even for drafts' },
    body: { label: 'Nội dung · Body' },
    stage: { label: 'Giai đoạn · Stage', description: 'Mỗi lần đổi được ghi vào lịch sử · every change is recorded' },
    issuer: { label: 'Cấp ban hành · Issuer' },
    leadAgency: { label: 'Cơ quan chủ trì · Lead agency' },
    audiences: { label: 'Đối tượng · Audiences' },
    affectsPeopleAndBusinesses: { label: 'Tác động trực tiếp người dân, doanh nghiệp · Affects people and businesses' },
    largeSocialImpact: { label: 'Tác động lớn đến xã hội · Large social impact' },
    issuedAt: { label: 'Ngày ban hành · Issued on' },
    effectiveFrom: { label: 'Ngày hiệu lực · Effective from' },
    attachments: { label: 'Tệp đính kèm · Attachments' },
    consultationDrafts: { label: 'Dự thảo lấy ý kiến · Consultation drafts' },
    stageHistory: { label: 'Lịch sử giai đoạn · Stage history', ...COMPUTED },
  },
  [CONSULTATION_DRAFT_UID]: {
    title: { label: 'Tên dự thảo · Title' },
    policy: { label: 'Chính sách · Policy' },
    shortCode: { label: 'Mã ngắn · Short code', description: 'Người dân gõ mã này đầu tin nhắn Zalo để góp ý · citizens start a Zalo message with it' },
    version: { label: 'Lần dự thảo · Version' },
    summary: { label: 'Tóm tắt · Summary' },
    document: { label: 'Tệp dự thảo · Document' },
    opensAt: { label: 'Bắt đầu lấy ý kiến · Opens at' },
    closesAt: { label: 'Kết thúc lấy ý kiến · Closes at', description: 'Phải sau thời điểm bắt đầu · must be after the opening' },
    questions: { label: 'Câu hỏi lấy ý kiến · Questions' },
    responseReport: { label: 'Báo cáo tiếp thu, giải trình · Response report' },
    outcomeReport: {
      label: 'Báo cáo kết quả (bản ký) · Outcome report',
      description: 'Tệp PDF/DOCX đã ký; công bố cùng dự thảo · the signed PDF/DOCX, published with the draft',
    },
    outcomePublishedAt: { label: 'Ngày công bố kết quả · Outcome published at', ...COMPUTED },
  },
  [RADIO_SCRIPT_UID]: {
    policy: { label: 'Chính sách · Policy' },
    title: { label: 'Tên bản tin · Title' },
    language: { label: 'Ngôn ngữ · Language', description: 'vi, hmn (Mông), dao / ium (Dao), tay (Tày)…' },
    priority: { label: 'Mức ưu tiên · Priority', description: 'Thông tư 39/2020/TT-BTTTT: thường, ưu tiên, khẩn cấp' },
    script: { label: 'Kịch bản đọc · Script', description: 'Câu ngắn, không viết tắt, số và ngày viết bằng chữ · short sentences, everything spelled out' },
    estimatedSeconds: { label: 'Thời lượng ước tính (giây) · Estimated seconds', ...COMPUTED },
    syllablesPerMinute: { label: 'Tốc độ đọc (âm tiết/phút) · Syllables per minute' },
    audio: { label: 'Âm thanh · Audio', ...COMPUTED },
    audioStatus: { label: 'Trạng thái âm thanh · Audio status', ...COMPUTED },
    audioMessage: { label: 'Ghi chú âm thanh · Audio note', ...COMPUTED },
    audioClaimedAt: INTERNAL,
    audioSha256: INTERNAL,
    broadcastFrom: { label: 'Phát từ ngày · Broadcast from' },
    broadcastUntil: { label: 'Phát đến ngày · Broadcast until' },
    repeatCount: { label: 'Số lần phát · Repeat count' },
    generated: { label: 'Tạo tự động · Generated', ...COMPUTED },
    sourceHash: INTERNAL,
  },
  [FEEDBACK_UID]: {
    consultationDraft: { label: 'Dự thảo · Consultation draft', description: 'Cố định khi tiếp nhận · fixed once received' },
    policy: { label: 'Chính sách · Policy', description: 'Cố định khi tiếp nhận · fixed once received' },
    submitterType: { label: 'Người gửi là · Submitter type', description: 'Cố định khi tiếp nhận · fixed once received' },
    fullName: { label: 'Họ và tên · Full name', description: 'Không công khai, cố định khi tiếp nhận · never public, fixed once received' },
    organizationName: { label: 'Tổ chức, doanh nghiệp · Organization', description: 'Cố định khi tiếp nhận · fixed once received' },
    email: { label: 'Thư điện tử · E-mail', description: 'Không công khai, cố định khi tiếp nhận · never public, fixed once received' },
    phone: { label: 'Điện thoại · Phone', description: 'Không công khai, cố định khi tiếp nhận · never public, fixed once received' },
    content: { label: 'Nội dung góp ý · Content', description: 'Lời của người dân, cố định khi tiếp nhận · the citizen’s words, fixed once received' },
    category: { label: 'Loại · Category' },
    moderationStatus: { label: 'Trạng thái xử lý · Moderation status' },
    rejectionReason: { label: 'Lý do từ chối · Rejection reason' },
    response: { label: 'Trả lời · Response' },
    respondedAt: { label: 'Ngày trả lời · Responded at', ...COMPUTED },
    respondingAgency: { label: 'Cơ quan trả lời · Responding agency' },
    trackingCode: { label: 'Mã tra cứu · Tracking code', ...COMPUTED },
    dueAt: { label: 'Hạn trả lời · Due at' },
    publicConsent: { label: 'Đồng ý công khai · Public consent', description: 'Do người gửi quyết định · the submitter’s choice' },
    source: { label: 'Kênh tiếp nhận · Source', description: 'Cố định khi tiếp nhận · fixed once received' },
    statusHistory: { label: 'Lịch sử xử lý · Status history', ...COMPUTED },
    disposition: {
      label: 'Tiếp thu, giải trình · Disposition',
      description: 'Chỉ với góp ý dự thảo; không tiếp thu cần giải trình · consultation feedback only; not accepted needs an explanation',
    },
    explanation: { label: 'Giải trình · Explanation' },
    provision: { label: 'Điều, khoản · Provision', description: 'Ví dụ · e.g. Điều 5, khoản 2' },
    dispositionAt: { label: 'Ngày tiếp thu, giải trình · Disposition at', ...COMPUTED },
    dispositionBy: { label: 'Người tiếp thu, giải trình · Disposition by', ...COMPUTED },
    dedupeKey: INTERNAL,
    zaloUserId: INTERNAL,
  },
};

type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
type Configuration = { settings: unknown; metadatas: Record<string, Metadata>; layouts: unknown };

/**
 * Gives the content manager's edit views bilingual labels and hints, and makes computed and
 * internal fields read-only or hidden. A label an administrator changed in "Configure the view"
 * is kept; read-only and hidden flags are product rules and are always applied.
 */
export const configureContentManagerLayouts = async (strapi: Core.Strapi): Promise<void> => {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, fields] of Object.entries(SETTINGS)) {
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!contentType) continue;
    const configuration = (await contentTypes.findConfiguration(contentType)) as Configuration;
    let changed = false;
    for (const [field, setting] of Object.entries(fields)) {
      const metadata = configuration.metadatas[field];
      if (!metadata) continue;
      const before = JSON.stringify(metadata);
      const edit = { ...metadata.edit };
      if (setting.label && (edit.label === field || !edit.label)) {
        edit.label = setting.label;
        metadata.list = { ...metadata.list, label: setting.label.split(' · ')[0] };
      }
      if (setting.description && !edit.description) edit.description = setting.description;
      if (setting.editable === false) edit.editable = false;
      if (setting.visible === false) edit.visible = false;
      metadata.edit = edit;
      if (JSON.stringify(metadata) !== before) changed = true;
    }
    if (changed) {
      await contentTypes.updateConfiguration(contentType, {
        settings: configuration.settings,
        metadatas: configuration.metadatas,
        layouts: configuration.layouts,
      });
    }
  }
};
