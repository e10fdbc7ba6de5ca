export type SeedConsultationDraft = {
  key: string;
  policy: string;
  title: string;
  version: number;
  summary: string;
  /** Window relative to the seeding day, in days. */
  opensInDays: number;
  closesInDays: number;
  questions: string[];
  responseReport?: string;
  unpublished?: boolean;
  /** A closed draft whose outcome is published: the generated report is attached as `outcomeReport` and the draft republished. */
  publishOutcome?: boolean;
};

export const CONSULTATION_DRAFTS: SeedConsultationDraft[] = [
  {
    key: 'hoc-sinh-ban-tru-v1',
    policy: 'ho-tro-hoc-sinh-ban-tru',
    title: 'Lấy ý kiến dự thảo Nghị quyết hỗ trợ học sinh bán trú (lần 1)',
    version: 1,
    summary: 'Mời phụ huynh, nhà trường và người dân góp ý về đối tượng và mức hỗ trợ tiền ăn, tiền nhà ở cho học sinh bán trú.',
    opensInDays: -40,
    closesInDays: -10,
    questions: ['Mức hỗ trợ tiền ăn 40 % lương cơ sở đã phù hợp chưa?', 'Có nên mở rộng cho học sinh trung học phổ thông không?'],
    publishOutcome: true,
    responseReport:
      'Ban soạn thảo đã nhận 126 ý kiến. Tiếp thu: mở rộng đối tượng cho học sinh trung học phổ thông ở xã đặc biệt khó khăn. Giải trình: giữ mức 40 % do giới hạn ngân sách.',
  },
  {
    key: 'hoc-sinh-ban-tru-v2',
    policy: 'ho-tro-hoc-sinh-ban-tru',
    title: 'Lấy ý kiến dự thảo Nghị quyết hỗ trợ học sinh bán trú (lần 2)',
    version: 2,
    summary: 'Dự thảo lần 2 đã tiếp thu ý kiến lần 1; mời góp ý tiếp về thủ tục nhận hỗ trợ.',
    opensInDays: -5,
    closesInDays: 25,
    questions: ['Thủ tục nhận hỗ trợ qua nhà trường có thuận tiện không?'],
  },
  {
    key: 'hop-tac-xa-v1',
    policy: 'phat-trien-hop-tac-xa',
    title: 'Lấy ý kiến dự thảo chính sách hỗ trợ phát triển hợp tác xã',
    version: 1,
    summary: 'Mời hợp tác xã, tổ hợp tác và doanh nghiệp góp ý về các nội dung hỗ trợ thành lập và xây dựng thương hiệu.',
    opensInDays: -12,
    closesInDays: 18,
    questions: ['Nội dung hỗ trợ nào cần thiết nhất với hợp tác xã của ông/bà?', 'Thủ tục đề nghị hỗ trợ có cần đơn giản hóa không?'],
  },
  {
    key: 'khoi-nghiep-v1',
    policy: 'ho-tro-khoi-nghiep-doi-moi-sang-tao',
    title: 'Lấy ý kiến dự thảo chính sách hỗ trợ khởi nghiệp đổi mới sáng tạo',
    version: 1,
    summary: 'Mời thanh niên, doanh nghiệp khởi nghiệp góp ý về tiêu chí lựa chọn dự án được hỗ trợ.',
    opensInDays: 7,
    closesInDays: 37,
    questions: ['Tiêu chí lựa chọn dự án khởi nghiệp có rõ ràng không?'],
  },
  {
    key: 'chuyen-doi-so-v1',
    policy: 'chuyen-doi-so-cap-xa',
    title: 'Lấy ý kiến đề xuất chính sách hỗ trợ chuyển đổi số cấp xã',
    version: 1,
    summary: 'Mời người dân và cán bộ xã góp ý về nhu cầu thiết bị và đào tạo kỹ năng số.',
    opensInDays: 14,
    closesInDays: 44,
    questions: ['Người dân ở xã gặp khó khăn gì khi làm thủ tục trực tuyến?'],
  },
  {
    key: 'nha-o-ho-ngheo-v1',
    policy: 'ho-tro-nha-o-ho-ngheo',
    title: 'Lấy ý kiến dự thảo chính sách hỗ trợ nhà ở cho hộ nghèo',
    version: 1,
    summary: 'Đợt lấy ý kiến đã kết thúc; báo cáo tiếp thu, giải trình được công khai.',
    opensInDays: -120,
    closesInDays: -90,
    questions: ['Mức hỗ trợ xây mới 60 triệu đồng đã phù hợp chưa?'],
    responseReport:
      'Đã nhận 89 ý kiến. Tiếp thu: bổ sung hộ cận nghèo vào đối tượng. Giải trình: mức hỗ trợ giữ nguyên theo khả năng cân đối ngân sách.',
  },
  {
    key: 'lang-nghe-v1',
    policy: 'bao-ve-moi-truong-lang-nghe',
    title: 'Lấy ý kiến dự thảo quy định bảo vệ môi trường làng nghề',
    version: 1,
    summary: 'Mời cơ sở sản xuất và người dân làng nghề góp ý.',
    opensInDays: -200,
    closesInDays: -170,
    questions: ['Thời hạn 24 tháng để đầu tư hệ thống xử lý nước thải có khả thi không?'],
  },
  {
    key: 'xa-hoi-hoa-y-te-v1',
    policy: 'xa-hoi-hoa-y-te',
    title: 'Dự thảo lấy ý kiến chính sách xã hội hóa y tế (chưa công bố)',
    version: 1,
    summary: 'Bản nháp nội bộ, chưa công bố.',
    opensInDays: 30,
    closesInDays: 60,
    questions: ['Câu hỏi nháp'],
    unpublished: true,
  },
];
